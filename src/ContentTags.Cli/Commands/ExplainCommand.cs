using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ContentTags.Cli.Commands;

/// <summary><c>contenttags explain TEXT</c>: the tags of one text, every probability, and the evidence.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("TEXT") { Description = "The text to explain (or use --file).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the text from this file ('-' for stdin)." };
        var model = new Option<string?>("--model") { Description = "A model file; default: the embedded model." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };

        var command = new Command("explain", "Show the tags of one text, the probability of every tag and the evidence.") { text, file, model, json };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async ct =>
        {
            string? value = parse.GetValue(text);
            string? path = parse.GetValue(file);
            if ((value is null) == (path is null)) throw new ArgumentException("Give either TEXT or --file PATH.");
            value ??= path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path!, ct);

            var result = CommandRunner.LoadTagger(parse.GetValue(model)).Tag(value);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                return ExitCodes.Success;
            }

            CliConsole.Out.MarkupLine(result.HasTags ? "[bold]Tags:[/] " + Markup.Escape(string.Join(", ", result.Tags)) : "[bold]Tags:[/] none");
            var table = new Table().AddColumns("tag", "probability", "threshold", "");
            foreach (var s in result.Scores.OrderByDescending(s => s.Probability))
                table.AddRow(s.IsTagged ? $"[bold]{s.TagId}[/]" : s.TagId, s.Probability.ToString("0.000", CultureInfo.InvariantCulture),
                    s.Threshold.ToString("0.000", CultureInfo.InvariantCulture), new string('█', (int)Math.Round(s.Probability * 20)));
            CliConsole.Out.Write(table);
            foreach (var e in result.Evidence)
                CliConsole.Out.MarkupLine($"[bold]{e.TagId}[/]: \"{Highlight(e.Sentence, e.Words)}\"");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Highlight(string sentence, IReadOnlyList<string> words)
    {
        string escaped = Markup.Escape(sentence);
        foreach (var w in words)
            escaped = System.Text.RegularExpressions.Regex.Replace(escaped, $@"\b{System.Text.RegularExpressions.Regex.Escape(Markup.Escape(w))}\b", m => $"[yellow]{m.Value}[/]");
        return escaped;
    }
}
