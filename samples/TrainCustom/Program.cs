// TrainCustom: train a model with your own taxonomy, evaluate it on held-out data, save it, load it and tag with it.
//   dotnet run --project samples/TrainCustom -- [model.zip]
using ContentTags;
using Spectre.Console;

string trainCsv = Path.Combine(AppContext.BaseDirectory, "kids-train.csv");     // columns: text,tags
string heldOutCsv = Path.Combine(AppContext.BaseDirectory, "kids-heldout.csv"); // same columns, texts the model never sees
string modelPath = args.Length > 0 ? args[0] : "kids-model.zip";

// 1. A taxonomy of your own: a children's-media rating set. Tags are written in this order.
var taxonomy = new TagTaxonomy(
[
    new ContentTag("scary-scenes", "Scary scenes", "Ghosts, monsters, witches, jump scares, creepy moments."),
    new ContentTag("peril", "Peril", "Characters, children or animals in danger: storms, fires, falls, getting lost."),
    new ContentTag("rude-humour", "Rude humour", "Toilet jokes, burps and farts, name-calling, cheeky words."),
    new ContentTag("mild-violence", "Mild violence", "Slapstick, bloodless fights, punches and shoves, cartoon battles."),
]);

// 2. Train. Cross-validation inside the training data tunes one threshold per tag.
var trainer = new ContentTagTrainer(new ContentTagTrainerOptions { Taxonomy = taxonomy });
ContentTagModel model = await AnsiConsole.Status().StartAsync("Training…", context =>
    trainer.TrainAsync(trainCsv, new Progress<TrainingProgress>(p => context.Status($"Training: {p.Stage}"))));
AnsiConsole.MarkupLineInterpolated($"Trained on [bold]{model.Manifest.TrainingRows}[/] examples: {string.Join(", ", model.Taxonomy.Ids)}");

// 3. Evaluate on the held-out file.
var tagger = new ContentTagger(model);
ModelMetrics metrics = await ContentTagEvaluator.EvaluateAsync(tagger, heldOutCsv);
var table = new Table().Title($"Held-out evaluation ({metrics.Rows} texts)")
    .AddColumns("Tag", "Precision", "Recall", "F1", "Threshold");
foreach (TagMetrics tag in metrics.Tags)
    table.AddRow(tag.TagId, $"{tag.Precision:0.00}", $"{tag.Recall:0.00}", $"{tag.F1:0.00}", $"{tag.Threshold:0.00}");
AnsiConsole.Write(table);
AnsiConsole.MarkupLineInterpolated($"Macro F1 [bold]{metrics.MacroF1:0.00}[/], micro F1 [bold]{metrics.MicroF1:0.00}[/]");

// 4. Save, then load the file as an application would.
model.Save(modelPath);
ContentTagger loaded = ContentTagger.Load(modelPath);
AnsiConsole.MarkupLineInterpolated($"Saved and reloaded [bold]{modelPath}[/]");

// 5. Tag new texts with the reloaded model.
string[] synopses =
[
    "A phantom in a tattered cloak haunts the empty theatre, and its scream echoes through the dark.",
    "The goose honks rude words at the vicar and burps all the way through the wedding.",
    "Two friends bake a giant birthday cake for their grandmother.",
];
foreach (string synopsis in synopses)
{
    ContentTagResult result = loaded.Tag(synopsis);
    AnsiConsole.MarkupLineInterpolated($"{synopsis}\n  -> [bold]{(result.HasTags ? result.ToString() : "(none)")}[/]");
}
