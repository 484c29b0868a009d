//! Lint of a long (~2,000-word) answer: target under 5 ms (issue 5).
//! Run: `cargo bench --bench lint`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use poryadok::rules::lint::{lint, similarity, LintRequest, PhraseBook};
use poryadok::rules::AnswerKind;

/// About 2,000 words: a greeting, then realistic paragraphs (some with clichés, a
/// redirect, dates) repeated.
fn long_answer() -> String {
    let paragraphs = [
        "Сегодня утром трактор расчистил улицу Садовую в Пестрецах, тротуар посыпали песком. Если снег выпадет снова, дорогу почистят в течение одного дня после окончания снегопада.",
        "Доводим до Вашего сведения, что на улице Центральной в Шалях заменили четыре лампы и перегоревший провод, вчера вечером фонари снова включились.",
        "Мусор в Кощаково вывезли сегодня до обеда. Региональный оператор перенёс график из-за поломки машины, теперь вывоз будет по вторникам и пятницам.",
        "Освещение вдоль трассы обслуживает федеральная дорожная служба, поэтому вы можете обратиться к ним по телефону 8 (831) 434-12-21.",
        "Ремонт дороги от Кощаково до трассы включили в план на 2027 год: работы пройдут летом 2027 года, а ямы засыплют щебнем до 20 декабря.",
        "Данный вопрос находится на контроле, работы, проведенные подрядчиком, выполненные в срок и проверенные комиссией, вернули свет на улицу Лесную.",
    ];
    let mut text = String::from("Мария, здравствуйте! ");
    let mut words = 2;
    let mut i = 0;
    while words < 2_000 {
        let p = paragraphs[i % paragraphs.len()];
        words += p.split_whitespace().count();
        text.push_str(p);
        text.push(if i % 3 == 2 { '\n' } else { ' ' });
        i += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let book = PhraseBook::bundled();
    let text = long_answer();
    let message = "Когда почистят снег на улице Садовой в Пестрецах? Не пройти!";
    let req = LintRequest {
        text: &text,
        kind: AnswerKind::Interim,
        message_text: Some(message),
        author: Some("Мария Иванова"),
        language_fallback: None,
    };
    c.bench_function("lint ~2000-word answer", |b| b.iter(|| lint(black_box(&req), &book)));
    c.bench_function("similarity ~2000-word answers", |b| {
        b.iter(|| similarity(black_box(&text), black_box(&text)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
