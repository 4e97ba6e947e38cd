using System.CommandLine;

namespace ContentTags.Cli.Commands;

/// <summary><c>contenttags evaluate INPUT</c>: per-tag precision, recall and F1 of a model on a labeled CSV.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A labeled CSV file." };
        var model = new Option<string?>("--model") { Description = "A model file; default: the embedded model." };
        var textColumn = new Option<string>("--text-column") { Description = "The text column.", DefaultValueFactory = _ => "text" };
        var tagsColumn = new Option<string>("--tags-column") { Description = "The tags column.", DefaultValueFactory = _ => "tags" };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON instead of a table." };
        var report = new Option<string?>("--report") { Description = "Also write an HTML report with charts to this file." };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter: ',' (default), ';', 'tab' or '|'.", DefaultValueFactory = _ => "," };

        var command = new Command("evaluate", "Measure a model on a labeled CSV.") { input, model, textColumn, tagsColumn, json, report, delimiter };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async ct =>
        {
            var tagger = CommandRunner.LoadTagger(parse.GetValue(model), new ContentTaggerOptions { IncludeEvidence = false });
            string path = parse.GetValue(input)!;
            var metrics = await ContentTagEvaluator.EvaluateAsync(tagger, path, parse.GetValue(textColumn)!, parse.GetValue(tagsColumn)!,
                TagCommand.ParseDelimiter(parse.GetValue(delimiter)!), ct);
            if (parse.GetValue(json)) Console.WriteLine(MetricsOutput.ToJson(metrics));
            else CliConsole.Out.Write(MetricsOutput.Table(metrics, "Evaluation on " + Path.GetFileName(path)));
            if (parse.GetValue(report) is string html)
                MetricsOutput.WriteHtml(metrics, html, "ContentTags evaluation: " + Path.GetFileName(path));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
