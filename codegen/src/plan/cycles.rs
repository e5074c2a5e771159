//! Which members close a cycle of structures and unions, and so need a `Box`.

use std::collections::BTreeMap;

use crate::ir::{Model, ShapeId};

/// The strongly connected components of the graph whose edges are structure
/// and union members (lists and maps already allocate, so they break no
/// cycle that needs a box and are not followed).
#[derive(Debug, Default)]
pub(crate) struct Cycles {
    component: BTreeMap<ShapeId, usize>,
}

impl Cycles {
    /// Finds the components of `shapes` once (Tarjan's algorithm, iterative
    /// so that a long chain of shapes cannot overflow the stack).
    pub(crate) fn find<'a>(model: &Model, shapes: impl Iterator<Item = &'a ShapeId>) -> Cycles {
        let ids: Vec<&ShapeId> = shapes.collect();
        let position: BTreeMap<&ShapeId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let successors: Vec<Vec<usize>> = ids
            .iter()
            .map(|id| model.shapes[*id].members().iter().filter_map(|m| position.get(&m.target).copied()).collect())
            .collect();
        let component = tarjan(&successors);
        Cycles { component: ids.into_iter().cloned().zip(component).collect() }
    }

    /// Whether the member of `owner` that targets `target` leads back to
    /// `owner`: with the edge owner -> target, that is the two sharing a component.
    pub(crate) fn is_recursive(&self, owner: &ShapeId, target: &ShapeId) -> bool {
        match (self.component.get(owner), self.component.get(target)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

/// The component number of every node of the graph given by `successors`.
fn tarjan(successors: &[Vec<usize>]) -> Vec<usize> {
    let n = successors.len();
    let mut index: Vec<Option<usize>> = vec![None; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![usize::MAX; n];
    let (mut next_index, mut next_component) = (0, 0);
    for root in 0..n {
        if index[root].is_some() {
            continue;
        }
        // Each frame: a node and how many of its successors were visited.
        let mut frames = vec![(root, 0)];
        index[root] = Some(next_index);
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut visited)) = frames.last_mut() {
            if let Some(&next) = successors[node].get(*visited) {
                *visited += 1;
                match index[next] {
                    None => {
                        index[next] = Some(next_index);
                        low[next] = next_index;
                        next_index += 1;
                        stack.push(next);
                        on_stack[next] = true;
                        frames.push((next, 0));
                    }
                    Some(i) if on_stack[next] => low[node] = low[node].min(i),
                    Some(_) => {}
                }
                continue;
            }
            frames.pop();
            if Some(low[node]) == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::tarjan;

    #[test]
    fn components_join_nodes_on_a_cycle_only() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 4 -> 4
        let graph = vec![vec![1], vec![2], vec![0, 3], vec![], vec![4]];
        let c = tarjan(&graph);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[2], c[3]);
        assert_ne!(c[3], c[4]);
    }
}
