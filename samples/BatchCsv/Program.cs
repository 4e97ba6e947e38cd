// BatchCsv: tag a CSV file with a progress bar; Ctrl-C cancels cleanly.
//   dotnet run --project samples/BatchCsv -- [input.csv] [output.csv]
using ContentTags;
using Spectre.Console;

string input = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "reviews.csv");
string output = args.Length > 1 ? args[1] : "reviews.tagged.csv";

// Ctrl-C cancels the token instead of killing the process, so the run can stop cleanly.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Tag the title and the review text together, and add a column with the sentence behind each tag.
var csv = new CsvContentTagger(ContentTagger.Default, new CsvTaggingOptions
{
    TextColumns = ["title", "text"],
    IncludeEvidence = true,
});

try
{
    CsvTaggingSummary summary = await AnsiConsole.Progress().StartAsync(async context =>
    {
        string name = Markup.Escape(Path.GetFileName(input));
        var task = context.AddTask(name, maxValue: 1.0);
        var progress = new Progress<CsvTaggingProgress>(p =>
        {
            task.Value = p.Fraction ?? 0;
            task.Description = $"{name}: {p.Rows:N0} rows";
        });
        CsvTaggingSummary result = await csv.TagFileAsync(input, output, progress, cancellation.Token);
        task.Value = task.MaxValue;
        return result;
    });

    AnsiConsole.MarkupLineInterpolated(
        $"Tagged [bold]{summary.Rows}[/] rows in {summary.Elapsed.TotalSeconds:0.00} s: {summary.RowsWithTags} have content warnings. Wrote [bold]{output}[/].");
    return 0;
}
catch (OperationCanceledException)
{
    // TagFileAsync writes to a temporary file and renames it when done, so no partial output is left behind.
    AnsiConsole.MarkupLine("[yellow]Cancelled[/]: no output was written.");
    return 130;
}
catch (ContentTagsDataException e)
{
    // The message names the file, line and column of the problem.
    AnsiConsole.MarkupLineInterpolated($"[red]Bad input[/]: {e.Message}");
    return 1;
}
