//! Compiles the generated parser (`src/parser.c`, committed) so building the
//! crate needs a C compiler but not the tree-sitter CLI.

fn main() {
    let src_dir = std::path::Path::new("src");

    let mut c_config = cc::Build::new();
    c_config.std("c11").include(src_dir);
    // Generated parsers trip these on some compilers; they are not ours to fix.
    c_config
        .flag_if_supported("-Wno-unused-parameter")
        .flag_if_supported("-Wno-unused-but-set-variable");

    #[cfg(target_env = "msvc")]
    c_config.flag("-utf-8");

    let parser_path = src_dir.join("parser.c");
    c_config.file(&parser_path);
    println!("cargo:rerun-if-changed={}", parser_path.display());
    println!("cargo:rerun-if-changed=src/tree_sitter");

    c_config.compile("tree-sitter-bkp");
}
