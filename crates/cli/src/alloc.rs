//! The CLI's global allocator: mimalloc, with a bump arena in front of it
//! for the batch commands.
//!
//! `compile`, `check` and `fmt` are short-lived processes that build a tree,
//! render it and exit. Most of what they allocate lives until the end, and
//! what dies earlier is small. For them, allocations come from a bump
//! arena, mapped at the first allocation of the process: an allocation is a
//! pointer increment in one block, freeing is nothing (except for the newest
//! allocation, which is taken back), and a growing buffer that is the newest
//! allocation grows in place. The memory touched is then about what was allocated, in one
//! contiguous range, instead of pages of every size class spread over the
//! heap; on a small file the page faults that follow weigh more than the
//! work itself. A large input ([`expect_input`]), and any allocation once
//! the block is used up, go to mimalloc; so do those of the language server
//! and the REPL ([`disable_arena`]).

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The global allocator of the `bkp` binary.
pub struct Allocator;

/// The arena's size: reserved address space, touched only as it is used.
const ARENA_SIZE: usize = 64 << 20;

/// The arena's state: not yet mapped, being mapped, serving, or off.
static STATE: AtomicU8 = AtomicU8::new(UNMAPPED);
const UNMAPPED: u8 = 0;
const MAPPING: u8 = 1;
const ON: u8 = 2;
const OFF: u8 = 3;
/// The arena's first and one-past-last addresses (0 until mapped).
static START: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);
/// The address of the next allocation in the arena.
static NEXT: AtomicUsize = AtomicUsize::new(0);
/// The address of the newest allocation in the arena.
static LAST: AtomicUsize = AtomicUsize::new(0);

/// Maps the arena at the process's first allocation (the runtime's, before
/// `main`), so that no allocation at all starts a heap elsewhere. Returns
/// whether the arena serves allocations now; while another thread maps it,
/// or when mapping failed, allocations go to mimalloc.
#[cold]
fn map_arena() -> bool {
    if STATE
        .compare_exchange(UNMAPPED, MAPPING, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        return STATE.load(Ordering::Acquire) == ON;
    }
    let Some(block) = reserve() else {
        STATE.store(OFF, Ordering::Release);
        return false;
    };
    START.store(block, Ordering::Relaxed);
    END.store(block + ARENA_SIZE, Ordering::Relaxed);
    NEXT.store(block, Ordering::Relaxed);
    // Unless a command turned the arena off meanwhile.
    STATE
        .compare_exchange(MAPPING, ON, Ordering::Release, Ordering::Relaxed)
        .is_ok()
}

/// Sends the allocations that follow to mimalloc, for a command that runs
/// long (the language server, the REPL). What the arena holds stays valid.
pub fn disable_arena() {
    STATE.store(OFF, Ordering::Release);
}

/// About how many bytes a command allocates per byte of source, at most
/// (compiling a small file with many resources, where the output dominates).
const BYTES_PER_SOURCE_BYTE: usize = 256;

/// Tells the arena that `bytes` of source are about to be processed: when
/// they would likely outgrow it, the arena is disabled, so that a large input
/// is served by mimalloc, which reuses what is freed, from the start, and
/// without transparent huge pages ([`without_huge_pages`]).
pub fn expect_input(bytes: usize) {
    if bytes.saturating_mul(BYTES_PER_SOURCE_BYTE) > ARENA_SIZE {
        disable_arena();
        without_huge_pages();
    }
}

/// Turns transparent huge pages off for the rest of the process.
///
/// mimalloc advises its memory to be backed by huge pages. Where the kernel
/// compacts memory synchronously for such advice (the common `defrag`
/// setting), a process that needs a hundred megabytes right after another
/// one freed a fragmented heap waits while the kernel moves pages around:
/// on a large check, that doubled the run. Small pages cost more faults
/// but never a compaction. The arena's one huge page of a small input is
/// kept: it is a single fault.
#[cfg(target_os = "linux")]
fn without_huge_pages() {
    // SAFETY: the call only sets a flag of this process; failure (an old
    // kernel) leaves huge pages on, which is merely slower.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
}

#[cfg(not(target_os = "linux"))]
fn without_huge_pages() {}

/// The arena's block: `ARENA_SIZE` bytes of address space, aligned to a huge
/// page and advised to be backed by huge pages. Memory comes from the system
/// as the arena is used; a huge page costs far less to provide than the 512
/// small pages it replaces.
#[cfg(target_os = "linux")]
fn reserve() -> Option<usize> {
    const HUGE: usize = 2 << 20;
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choice touches no existing memory.
    let map = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            ARENA_SIZE + HUGE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if map == libc::MAP_FAILED {
        return None;
    }
    let block = (map as usize).next_multiple_of(HUGE);
    // SAFETY: the range lies in the mapping just made. Without huge pages
    // (an older kernel, or disabled), the advice fails and small pages serve.
    unsafe { libc::madvise(block as *mut libc::c_void, ARENA_SIZE, libc::MADV_HUGEPAGE) };
    Some(block)
}

/// The arena's block, from mimalloc.
#[cfg(not(target_os = "linux"))]
fn reserve() -> Option<usize> {
    let layout = Layout::from_size_align(ARENA_SIZE, 4096).expect("a valid layout");
    // SAFETY: the layout has a non-zero size.
    let block = unsafe { MiMalloc.alloc(layout) } as usize;
    (block != 0).then_some(block)
}

/// Whether the arena serves allocations (mapping it at the first one).
fn arena_on() -> bool {
    match STATE.load(Ordering::Acquire) {
        ON => true,
        UNMAPPED => map_arena(),
        _ => false,
    }
}

/// Whether `ptr` was allocated in the arena.
fn in_arena(ptr: *mut u8) -> bool {
    let p = ptr as usize;
    p >= START.load(Ordering::Relaxed) && p < END.load(Ordering::Relaxed)
}

/// An allocation of `layout` in the arena, or `None` when it does not fit.
///
/// Any thread may allocate here; the compare-and-swap hands each caller its
/// own range.
fn bump(layout: Layout) -> Option<*mut u8> {
    let end = END.load(Ordering::Relaxed);
    let mut next = NEXT.load(Ordering::Relaxed);
    loop {
        let start = next.checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let new_next = start.checked_add(layout.size())?;
        if new_next > end {
            return None;
        }
        match NEXT.compare_exchange_weak(next, new_next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => {
                LAST.store(start, Ordering::Relaxed);
                return Some(start as *mut u8);
            }
            Err(seen) => next = seen,
        }
    }
}

// SAFETY: every allocation is either a fresh range of the arena (ranges never
// overlap: `NEXT` only moves past a range once it is handed out, and moves
// back only over the newest one when it is freed) or mimalloc's; each free
// and reallocation is routed by the address to where the block came from.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if arena_on()
            && let Some(p) = bump(layout)
        {
            return p;
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { MiMalloc.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if arena_on()
            && let Some(p) = bump(layout)
        {
            // A range taken back and handed out again holds old bytes.
            // SAFETY: `p` is valid for `layout.size()` bytes.
            unsafe { p.write_bytes(0, layout.size()) };
            return p;
        }
        // SAFETY: forwarded with the caller's guarantees; mimalloc knows
        // which of its memory is still zero.
        unsafe { MiMalloc.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_arena(ptr) {
            // The newest allocation is taken back; others stay until exit.
            let p = ptr as usize;
            if LAST.load(Ordering::Relaxed) == p
                && NEXT
                    .compare_exchange(p + layout.size(), p, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok()
            {
                LAST.store(0, Ordering::Relaxed);
            }
            return;
        }
        // SAFETY: `ptr` came from mimalloc with this layout.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !in_arena(ptr) {
            // SAFETY: `ptr` came from mimalloc with this layout.
            return unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        }
        let p = ptr as usize;
        // The newest allocation grows or shrinks in place while it fits.
        if LAST.load(Ordering::Relaxed) == p
            && let Some(new_end) = p.checked_add(new_size)
            && new_end <= END.load(Ordering::Relaxed)
            && NEXT
                .compare_exchange(
                    p + layout.size(),
                    new_end,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok()
        {
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: the caller guarantees a valid layout for `new_size`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a non-zero size, as `new_size > layout.size()`.
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are valid for `layout.size()` bytes and
            // distinct, as the old one is still allocated.
            unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size()) };
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    /// One test, as the arena is process-wide: the test binary's other tests
    /// allocate from it concurrently, which the arena must bear too.
    #[test]
    fn arena_allocates_grows_in_place_and_takes_back_the_newest() {
        // The test harness's first allocation mapped the arena.
        assert_eq!(
            STATE.load(Ordering::Relaxed),
            ON,
            "the arena is not serving"
        );
        let a = Allocator;
        unsafe {
            let p = a.alloc(layout(24, 8));
            assert!(in_arena(p) && (p as usize).is_multiple_of(8));
            p.write_bytes(7, 24);
            let q = a.alloc(layout(100, 64));
            assert!(in_arena(q) && (q as usize).is_multiple_of(64));
            // `p` is no longer the newest: growing it copies.
            let p2 = a.realloc(p, layout(24, 8), 4000);
            assert_ne!(p2, p);
            assert!(std::slice::from_raw_parts(p2, 24).iter().all(|&b| b == 7));
            // Now it is the newest (unless another thread allocated since).
            if LAST.load(Ordering::Relaxed) == p2 as usize {
                let p3 = a.realloc(p2, layout(4000, 8), 8000);
                assert_eq!(p3, p2, "the newest allocation grows in place");
                a.dealloc(p3, layout(8000, 8));
            }
            a.dealloc(q, layout(100, 64));
            // A zeroed allocation is zero even where a freed one was.
            let dirty = a.alloc(layout(64, 8));
            dirty.write_bytes(0xff, 64);
            a.dealloc(dirty, layout(64, 8));
            let z = a.alloc_zeroed(layout(64, 8));
            assert!(std::slice::from_raw_parts(z, 64).iter().all(|&b| b == 0));
        }
        // Several threads allocating and growing at once get disjoint blocks
        // that keep their contents.
        let threads: Vec<_> = (0u8..4)
            .map(|t| {
                std::thread::spawn(move || {
                    let mut vs: Vec<Vec<u8>> = Vec::new();
                    for i in 0..2000usize {
                        let mut v = vec![t; i % 50 + 1];
                        v.extend(std::iter::repeat_n(t, i % 7));
                        vs.push(v);
                    }
                    vs.iter().all(|v| v.iter().all(|&b| b == t))
                })
            })
            .collect();
        for t in threads {
            assert!(t.join().unwrap());
        }
        // Past the arena, allocations go to mimalloc and come back there.
        unsafe {
            let big = a.alloc(layout(ARENA_SIZE, 8));
            assert!(!big.is_null() && !in_arena(big));
            a.dealloc(big, layout(ARENA_SIZE, 8));
        }
    }
}
