using System.CommandLine;
using ContentTags.Semantic;
using Spectre.Console;

namespace ContentTags.Cli.Commands;

/// <summary><c>contenttags train INPUT -o MODEL.zip</c>: trains a model and prints its cross-validated metrics.</summary>
internal static class TrainCommand
{
    private const int SemanticCacheCapacity = 200_000;

    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A labeled CSV file." };
        var output = new Option<string>("--output", "-o") { Description = "Where to save the model (.zip).", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "The text column.", DefaultValueFactory = _ => "text" };
        var tagsColumn = new Option<string>("--tags-column") { Description = "The tags column (ids separated by ';').", DefaultValueFactory = _ => "tags" };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same data and seed give the same model.", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds that tune thresholds (0 skips tuning).", DefaultValueFactory = _ => 4 };
        var favorRecall = new Option<bool>("--favor-recall") { Description = "Tune thresholds for F2 (a missed warning costs more than a needless one)." };
        var tolerance = new Option<double?>("--threshold-tolerance")
        {
            Description = "F-score each tag's threshold may give up for a higher one: fewer false alarms on look-alike text (default 0.01; 0 for the best F-score).",
        };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter: ',' (default), ';', 'tab' or '|'.", DefaultValueFactory = _ => "," };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr." };
        var l1 = new Option<float?>("--l1") { Description = "L1 regularisation of each tag's classifier (default: the library's)." };
        var l2 = new Option<float?>("--l2") { Description = "L2 regularisation of each tag's classifier (default: the library's)." };
        var semantic = new Option<bool>("--semantic")
        {
            Description = "Add full sentence embeddings (all-MiniLM-L6-v2) to the features: the accurate tier, much slower to train and to tag.",
        };

        var encoderLength = new Option<float?>("--encoder-length")
        {
            Description = $"With --semantic: how much the sentence embeddings weigh beside the n-grams (default {SemanticContentTags.DefaultEncoderLength}; about 2 for a few dozen rows).",
        };

        var command = new Command("train", "Train a model from a labeled CSV (columns text and tags by default).")
        {
            input, output, textColumn, tagsColumn, seed, folds, favorRecall, tolerance, delimiter, quiet, l1, l2, semantic, encoderLength,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async ct =>
        {
            var options = new ContentTagTrainerOptions
            {
                TextColumn = parse.GetValue(textColumn)!,
                TagsColumn = parse.GetValue(tagsColumn)!,
                Seed = parse.GetValue(seed),
                ValidationFolds = parse.GetValue(folds),
                ThresholdObjective = parse.GetValue(favorRecall) ? ThresholdObjective.FavorRecall : ThresholdObjective.MaximizeF1,
                Delimiter = TagCommand.ParseDelimiter(parse.GetValue(delimiter)!),
            };
            if (parse.GetValue(tolerance) is double tol) options.ThresholdTolerance = tol;
            if (parse.GetValue(l1) is float a) options.L1Regularization = a;
            if (parse.GetValue(l2) is float b) options.L2Regularization = b;
            // Cross-validation featurizes the data once per fold, so the encoder keeps every sentence it embeds (up to
            // 200,000, about 300 MB) instead of embedding the corpus again for each fold.
            if (parse.GetValue(semantic))
                options.UseSentenceEmbeddings(new MiniLmSentenceEncoder(cacheCapacity: SemanticCacheCapacity), parse.GetValue(encoderLength));
            else if (parse.GetValue(encoderLength) is not null)
                throw new ArgumentException("--encoder-length needs --semantic.");
            var trainer = new ContentTagTrainer(options);
            string path = parse.GetValue(input)!;
            ContentTagModel model;
            if (CliConsole.ShowProgress(parse.GetValue(quiet)))
            {
                model = null!;
                await CliConsole.Error.Status().StartAsync("reading " + Markup.Escape(path), async ctx =>
                {
                    var progress = new Progress<TrainingProgress>(p => ctx.Status(Markup.Escape($"{p.Stage} ({p.Completed}/{p.Total})")));
                    model = await trainer.TrainAsync(path, progress, ct);
                });
            }
            else model = await trainer.TrainAsync(path, null, ct);

            string target = parse.GetValue(output)!;
            model.Save(target);
            if (model.Manifest.ValidationMetrics is { } metrics)
                CliConsole.Out.Write(MetricsOutput.Table(metrics, $"{options.ValidationFolds}-fold cross-validation on {model.Manifest.TrainingRows} rows"));
            Console.Error.WriteLine($"contenttags: saved {target} ({new FileInfo(target).Length / 1024.0:N0} KiB, {model.Taxonomy.Count} tags)");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
