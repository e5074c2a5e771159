//! Heap cost of decoding `GetLayerVersionOutput` versus the hand-written plain
//! serde struct (`common::PlainOutput`), with a counting global allocator.
//!
//! Its own binary (the allocator counts everything in it); no timing, so the
//! figures are exact and repeatable. Prints one Markdown table. Arguments that
//! `cargo bench` or `scripts/bench-report` pass for criterion are ignored.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use lambda_model::operation::get_layer_version::GetLayerVersionOutput;

mod common;
use common::PlainOutput;

/// The system allocator, counting calls and bytes and tracking the live peak.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static REALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments; the
// counters have no effect on the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            ALLOCATED.fetch_add(layout.size(), Relaxed);
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::realloc`'s contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            REALLOCATIONS.fetch_add(1, Relaxed);
            if new_size > layout.size() {
                ALLOCATED.fetch_add(new_size - layout.size(), Relaxed);
                grow(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What one call cost on the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cost {
    /// `alloc` calls.
    allocations: usize,
    /// `realloc` calls.
    reallocations: usize,
    /// Bytes requested by `alloc` plus the growth requested by `realloc`.
    allocated: usize,
    /// Highest live heap during the call, above what was live before it.
    peak: usize,
    /// Heap still held by the result when the call returns.
    retained: usize,
}

/// Measures `f` (the result is dropped after the figures are taken).
fn measure<T>(f: impl FnOnce() -> T) -> Cost {
    let start_allocations = ALLOCATIONS.load(Relaxed);
    let start_reallocations = REALLOCATIONS.load(Relaxed);
    let start_allocated = ALLOCATED.load(Relaxed);
    let start_live = LIVE.load(Relaxed);
    PEAK.store(start_live, Relaxed);
    let result = black_box(f());
    let cost = Cost {
        allocations: ALLOCATIONS.load(Relaxed) - start_allocations,
        reallocations: REALLOCATIONS.load(Relaxed) - start_reallocations,
        allocated: ALLOCATED.load(Relaxed) - start_allocated,
        peak: PEAK.load(Relaxed) - start_live,
        retained: LIVE.load(Relaxed).saturating_sub(start_live),
    };
    drop(result);
    cost
}

/// Measures `f` several times and checks that the figures do not move.
fn stable<T>(mut f: impl FnMut() -> T) -> Cost {
    let first = measure(&mut f);
    for _ in 0..4 {
        assert_eq!(measure(&mut f), first, "heap figures differ between runs");
    }
    first
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".to_string()
    } else {
        format!("{:.2}", a as f64 / b as f64)
    }
}

fn main() {
    println!("| body | type | allocs | reallocs | bytes allocated | peak heap (B) | retained (B) | allocs vs baseline | peak vs baseline |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, body) in common::bodies() {
        let generated = stable(|| serde_json::from_slice::<GetLayerVersionOutput>(black_box(&body)).unwrap());
        let plain = stable(|| serde_json::from_slice::<PlainOutput>(black_box(&body)).unwrap());
        for (what, cost) in [("generated", generated), ("baseline", plain)] {
            println!(
                "| {name} ({} B) | {what} | {} | {} | {} | {} | {} | {} | {} |",
                body.len(),
                cost.allocations,
                cost.reallocations,
                cost.allocated,
                cost.peak,
                cost.retained,
                ratio(cost.allocations + cost.reallocations, plain.allocations + plain.reallocations),
                ratio(cost.peak, plain.peak)
            );
        }
    }
}
