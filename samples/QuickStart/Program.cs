// QuickStart: tag a few reviews with the model that ships inside the ContentTags package.
using ContentTags;
using Spectre.Console;

string[] reviews =
[
    "A gentle, funny romantic comedy about two rival bakers in Lisbon. Nothing darker than a burnt croissant.",
    "The cartel enforcer shoots the informant in the head, then beats his partner to death with a tire iron in a parking garage.",
    "Grief drives this quiet drama: after her brother's overdose, Nora finds the note he left and the pills he was saving.",
    "I loved the dog, which made it unbearable when the farmer shoots him in the barn halfway through the film.",
    "She counts every calorie, hides food in her napkin, and runs until she faints; her mother praises how thin she looks.",
    "Two men grab the senator's daughter outside her school, bundle her into a van and demand ten million in ransom.",
];

// ContentTagger.Default loads the embedded model once and is thread-safe: share it.
ContentTagger tagger = ContentTagger.Default;

var table = new Table().Border(TableBorder.Rounded)
    .AddColumn("Review")
    .AddColumn("Tags")
    .AddColumn("Top probabilities");

foreach (string review in reviews)
{
    ContentTagResult result = tagger.Tag(review);

    string tags = result.HasTags ? string.Join(", ", result.Tags) : "[grey](none)[/]";
    var top = result.Scores.OrderByDescending(s => s.Probability).Take(3)
        .Select(s => $"{(s.IsTagged ? "[bold]" : "[grey]")}{s.TagId} {s.Probability:P0}[/]");

    table.AddRow(new Markup(Markup.Escape(review)), new Markup(tags), new Markup(string.Join("\n", top)));
}

AnsiConsole.Write(table);

// Every fired tag comes with evidence: the sentence behind it and its strongest words.
ContentTagResult explained = tagger.Tag(reviews[1]);
foreach (TagEvidence evidence in explained.Evidence)
    AnsiConsole.MarkupLineInterpolated($"[bold]{evidence.TagId}[/] because of \"{evidence.Sentence}\" (words: {string.Join(", ", evidence.Words)})");
