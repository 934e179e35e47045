//! Links the `bkp` executable at a fixed address on Linux.
//!
//! A position-independent executable has every pointer in its read-only data
//! patched by the dynamic loader at start: thousands of relocations, and a
//! private copy of each page they touch. `bkp compile` is run once per file,
//! often from scripts, so that start-up cost is a large share of a small
//! file's compile time. At a fixed address the pointers are final in the file.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-link-arg-bin=bkp=-no-pie");
    }
}
