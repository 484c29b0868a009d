//! The fields of a monitoring export and the header names they are known by.

/// A field the importer understands. Columns of an export are matched to fields by
/// header name (see [`Field::aliases`]) or by `--map FIELD=COLUMN`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    ExternalId,
    DetectedAt,
    ReceivedAt,
    EndedAt,
    TopicGroup,
    Topic,
    Region,
    Municipality,
    Settlement,
    Text,
    IncidentType,
    Outcome,
    Executor,
    Network,
    Link,
    Thread,
    Author,
    Body,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::ExternalId,
        Field::DetectedAt,
        Field::ReceivedAt,
        Field::EndedAt,
        Field::TopicGroup,
        Field::Topic,
        Field::Region,
        Field::Municipality,
        Field::Settlement,
        Field::Text,
        Field::IncidentType,
        Field::Outcome,
        Field::Executor,
        Field::Network,
        Field::Link,
        Field::Thread,
        Field::Author,
        Field::Body,
    ];

    /// Our documented English name (also accepted as a header and in `--map`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::ExternalId => "external_id",
            Field::DetectedAt => "detected_at",
            Field::ReceivedAt => "received_at",
            Field::EndedAt => "ended_at",
            Field::TopicGroup => "topic_group",
            Field::Topic => "topic",
            Field::Region => "region",
            Field::Municipality => "municipality",
            Field::Settlement => "settlement",
            Field::Text => "text",
            Field::IncidentType => "incident_type",
            Field::Outcome => "outcome",
            Field::Executor => "executor",
            Field::Network => "network",
            Field::Link => "link",
            Field::Thread => "thread",
            Field::Author => "author",
            Field::Body => "body",
        }
    }

    /// Header names accepted for this field, «Инцидент Менеджмент» names first.
    /// Matching ignores case, spaces, punctuation and `ё`/`е` (see [`normalize_header`]).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::ExternalId => &["ID", "Id сообщения", "Номер", "external_id"],
            Field::DetectedAt => &["Дата создания", "Дата выявления", "detected_at"],
            Field::ReceivedAt => &["Дата поступления", "Дата получения", "received_at"],
            Field::EndedAt => &["Дата окончания", "ended_at"],
            Field::TopicGroup => &["Группа тем", "topic_group"],
            Field::Topic => &["Тема", "topic"],
            Field::Region => &["Регион", "region"],
            Field::Municipality => &["Муниципалитет", "Муниципальное образование", "municipality"],
            Field::Settlement => &["Населённый пункт", "Населенный пункт", "settlement"],
            Field::Text => &["Текст инцидента", "Текст", "Текст сообщения", "text"],
            Field::IncidentType => &["Тип инцидента", "incident_type"],
            Field::Outcome => &["Итог", "outcome"],
            Field::Executor => &["Исполнитель", "executor"],
            Field::Network => &["Соцсеть", "Социальная сеть", "Источник", "network"],
            Field::Link => &["Ссылка", "URL", "link"],
            Field::Thread => &["Ветка", "Ветка обсуждения", "thread"],
            Field::Author => &["Автор", "author"],
            Field::Body => &["Орган", "Ответственный орган", "body"],
        }
    }

    /// Without these a file cannot be imported at all.
    pub fn required(self) -> bool {
        matches!(self, Field::ExternalId | Field::DetectedAt | Field::Text)
    }

    /// Position in [`Field::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Whether a header (already normalised or not) names this field.
    pub(crate) fn matches_header(self, header: &str) -> bool {
        let h = normalize_header(header);
        !h.is_empty() && self.aliases().iter().any(|a| normalize_header(a) == h)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The field a `--map` name stands for: its English name or any header alias.
pub fn parse_field_name(s: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|f| f.matches_header(s))
}

/// A header reduced to what matters: lowercase letters and digits, `ё` as `е`.
/// ` Дата  СОЗДАНИЯ `, `Дата_создания:` and `дата создания` are all `датасоздания`.
pub fn normalize_header(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_aliases_are_unique() {
        let mut seen = std::collections::HashMap::new();
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f.index(), i);
            assert_eq!(parse_field_name(f.as_str()), Some(f));
            for a in f.aliases() {
                assert_eq!(parse_field_name(a), Some(f), "{a}");
                if let Some(other) = seen.insert(normalize_header(a), f) {
                    assert_eq!(other, f, "alias {a} used twice");
                }
            }
        }
    }

    #[test]
    fn header_matching_ignores_case_spaces_punctuation_and_yo() {
        for h in ["Дата создания", " дата  СОЗДАНИЯ ", "Дата_создания:", "ДАТА-СОЗДАНИЯ"]
        {
            assert_eq!(parse_field_name(h), Some(Field::DetectedAt), "{h}");
        }
        assert_eq!(parse_field_name("Населенный пункт"), Some(Field::Settlement));
        assert_eq!(parse_field_name("НАСЕЛЁННЫЙ ПУНКТ"), Some(Field::Settlement));
        assert_eq!(parse_field_name("\u{feff}ID"), Some(Field::ExternalId));
        assert_eq!(parse_field_name("Комментарий"), None);
        assert_eq!(parse_field_name("  "), None);
    }

    #[test]
    fn required_fields() {
        let req: Vec<_> = Field::ALL.into_iter().filter(|f| f.required()).collect();
        assert_eq!(req, [Field::ExternalId, Field::DetectedAt, Field::Text]);
    }
}
