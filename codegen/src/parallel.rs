//! Running two independent pieces of work side by side.

use std::sync::OnceLock;

/// Runs `beside` on a second thread and `here` on this one, and returns both
/// results. On a machine (or CPU set) with one CPU, or when no thread can be
/// started, both run here one after the other: two threads taking turns on one
/// core are slower than one thread doing both (a GetLayerVersion render takes
/// about 15% longer).
///
/// A panic in `beside` is resumed on this thread.
pub fn join<A: Send, B>(beside: impl Fn() -> A + Sync, here: impl FnOnce() -> B) -> (A, B) {
    join_on(several_cpus(), beside, here)
}

/// [`join`], told whether to start the second thread.
fn join_on<A: Send, B>(two_threads: bool, beside: impl Fn() -> A + Sync, here: impl FnOnce() -> B) -> (A, B) {
    if !two_threads {
        return (beside(), here());
    }
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new().spawn_scoped(scope, &beside);
        let here = here();
        let beside = match handle {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => beside(),
        };
        (beside, here)
    })
}

/// Whether this process may run on more than one CPU (affinity and cgroup
/// quota included); asked once per process.
fn several_cpus() -> bool {
    static SEVERAL: OnceLock<bool> = OnceLock::new();
    *SEVERAL.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

#[cfg(test)]
mod tests {
    use super::join_on;

    #[test]
    fn both_results_come_back_in_order_with_and_without_a_second_thread() {
        for two_threads in [true, false] {
            let (beside, here) = join_on(two_threads, || std::thread::current().id(), || std::thread::current().id());
            assert_eq!(beside == here, !two_threads, "two_threads = {two_threads}");
        }
    }

    #[test]
    fn a_panic_beside_reaches_the_caller() {
        for two_threads in [true, false] {
            let caught = std::panic::catch_unwind(|| join_on(two_threads, || -> u8 { panic!("beside failed") }, || 1));
            let message = caught.expect_err("the panic must propagate");
            assert_eq!(message.downcast_ref::<&str>(), Some(&"beside failed"));
        }
    }
}
