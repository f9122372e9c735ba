//! [`ByCheck`]: something kept for each check, such as an answer or an action
//! plan, found by the check's id.
//!
//! Why not `BTreeMap<String, V>`: its node code is compiled once for each kind
//! of value, and for the answers, plans and DPO decisions that came to about
//! 10 KB of the wasm, 5 KB gzipped. An assessment holds a few dozen entries, so a sorted
//! list searched by halves is as quick and much smaller. Kept in id order, so
//! the saved JSON is exactly what the `BTreeMap` wrote.

/// More than any assessment can hold: the guidance has a few dozen checks.
/// Files with more are refused, so a hostile one cannot make the page
/// shuffle a huge list into order (each insert moves what sorts after it).
pub const MAX_ENTRIES: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByCheck<V> {
    /// Sorted by id, each id once.
    entries: Vec<(String, V)>,
}

impl<V> Default for ByCheck<V> {
    fn default() -> Self {
        ByCheck { entries: Vec::new() }
    }
}

impl<V> ByCheck<V> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value for `id`, replacing any there was.
    pub fn insert(&mut self, id: String, value: V) {
        match self.find(&id) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (id, value)),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value for `id`, added as the default first if there is none.
    pub fn get_or_default(&mut self, id: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(id) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (id.to_string(), V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Every entry, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<V, const N: usize> From<[(&str, V); N]> for ByCheck<V> {
    fn from(items: [(&str, V); N]) -> Self {
        let mut out = ByCheck::default();
        for (id, v) in items {
            out.insert(id.to_string(), v);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::ByCheck;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_like_the_map_it_replaced() {
        // The same operations on both, in an order that exercises inserts at
        // the front, middle and end, replacements and removals.
        let ids = ["e2ee", "updates", "a-first", "risk", "e2ee", "zz-last", "m", "risk", "b"];
        let mut ours = ByCheck::default();
        let mut theirs = BTreeMap::new();
        for (n, id) in ids.iter().enumerate() {
            ours.insert(id.to_string(), n);
            theirs.insert(id.to_string(), n);
            if n % 3 == 2 {
                assert_eq!(ours.remove(ids[n - 1]), theirs.remove(ids[n - 1]));
            }
            assert_eq!(
                ours.iter().map(|(k, v)| (k.to_string(), *v)).collect::<Vec<_>>(),
                theirs.clone().into_iter().collect::<Vec<_>>()
            );
        }
        assert_eq!(ours.len(), theirs.len());
        for id in ids.iter().chain(&["missing", ""]) {
            assert_eq!(ours.get(id), theirs.get(*id), "{id}");
            assert_eq!(ours.contains_key(id), theirs.contains_key(*id), "{id}");
        }
        assert_eq!(ours.remove("missing"), None);
    }

    #[test]
    fn get_or_default_adds_once_in_order() {
        let mut plans: ByCheck<String> = ByCheck::from([("b", "kept".to_string())]);
        plans.get_or_default("a").push_str("new");
        plans.get_or_default("b").push_str(" too");
        plans.get_or_default("a").push('!');
        assert_eq!(plans.iter().collect::<Vec<_>>(), vec![("a", &"new!".to_string()), ("b", &"kept too".to_string())]);
    }
}
