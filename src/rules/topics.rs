//! The appendix (Приложение): topics requiring a practical solution, with their
//! deadlines of 1, 2 or 8 working days (п. 3.16). Data in `rules/topics.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::calendar::WorkingDuration;

#[derive(Debug, Clone, Deserialize)]
pub struct Topic {
    pub id: u32,
    pub name: String,
    /// Deadline in working days from detection.
    pub days: i64,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Topic {
    pub fn deadline(&self) -> WorkingDuration {
        WorkingDuration::from_days(self.days)
    }
}

#[derive(Deserialize)]
struct TopicsFile {
    topic: Vec<Topic>,
}

const TOPICS_TOML: &str = include_str!("../../rules/topics.toml");

/// All appendix topics, in the appendix's order.
pub fn all() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        toml::from_str::<TopicsFile>(TOPICS_TOML)
            .expect("rules/topics.toml is valid")
            .topic
    })
}

/// Case-, space-, punctuation- and ё-insensitive form used to match topic names.
pub fn normalize(s: &str) -> String {
    let lower = s.to_lowercase().replace('ё', "е");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The appendix topic named `name` (by its wording, an alias, or its number).
pub fn find(name: &str) -> Option<&'static Topic> {
    let n = normalize(name);
    if n.is_empty() {
        return None;
    }
    if let Ok(id) = n.parse::<u32>() {
        return all().iter().find(|t| t.id == id);
    }
    all()
        .iter()
        .find(|t| normalize(&t.name) == n || t.aliases.iter().any(|a| normalize(a) == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_has_52_topics_with_1_2_or_8_days_p_3_16() {
        let t = all();
        assert_eq!(t.len(), 52);
        assert!(t.iter().all(|t| [1, 2, 8].contains(&t.days)));
        assert_eq!(t.iter().filter(|t| t.days == 1).count(), 1);
        let ids: std::collections::BTreeSet<_> = t.iter().map(|t| t.id).collect();
        assert_eq!(ids.len(), 52);
    }

    #[test]
    fn finds_topics_loosely_p_3_16() {
        let t = find("  зимнее СОДЕРЖАНИЕ дорог ").unwrap();
        assert_eq!(t.days, 8);
        assert_eq!(find("Организация отлова безнадзорных животных").unwrap().days, 2);
        assert_eq!(find("38").unwrap().days, 1);
        assert!(find("Ремонт крыши школы").is_none());
    }
}
