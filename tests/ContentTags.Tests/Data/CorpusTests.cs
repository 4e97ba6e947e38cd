using ContentTags.Evaluation;
using ContentTags.Tests.Support;
using CsvHelper;
using Xunit.Abstractions;

namespace ContentTags.Tests.Data;

/// <summary>The labeled corpus in data/ is what the default model learns from: these tests hold it to its promises.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["synopsis", "review", "blurb", "episode", "game"];

    private sealed record Row(string File, long Line, string Id, string Kind, string Text, string[] Tags, bool Hard);

    private static readonly Lazy<List<Row>> s_rows = new(() => Read("data/corpus.csv").Concat(Read("data/heldout.csv")).ToList());

    // The evaluation-only rows by writers the model never learns from are held to the same form, and must not
    // repeat the training text either, or they would not measure anything new.
    private static readonly Lazy<List<Row>> s_allRows = new(() => s_rows.Value.Concat(Read("data/unseen-writers.csv")).ToList());

    private static List<Row> Rows => s_rows.Value;

    private static List<Row> AllRows => s_allRows.Value;

    private static IEnumerable<Row> Read(string relative)
    {
        using var csv = CsvReader.FromFile(Repo.Path(relative), new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true });
        Assert.Equal(["id", "kind", "text", "tags", "hard"], csv.Headers.ToArray());
        while (csv.Read())
            yield return new Row(relative, csv.LineNumber, csv.GetString(0)!, csv.GetString(1)!, csv.GetString(2)!,
                (csv.GetString(3) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries), csv.GetString(4) == "true");
    }

    [Fact]
    public void Corpus_is_large_and_every_tag_is_well_represented()
    {
        Assert.True(Rows.Count >= 4000, $"{Rows.Count} rows");
        foreach (var tag in TagTaxonomy.BuiltIn.Ids)
        {
            int positives = Rows.Count(r => r.Tags.Contains(tag));
            Assert.True(positives >= 200, $"{tag}: {positives} positive rows");
        }
        double untagged = Rows.Count(r => r.Tags.Length == 0) / (double)Rows.Count;
        Assert.True(untagged >= 0.25, $"{untagged:P0} of rows have no tag");
        int hard = Rows.Count(r => r.Hard);
        Assert.True(hard >= 800, $"{hard} hard rows");
        output.WriteLine($"{Rows.Count} rows, {untagged:P1} untagged, {hard} hard");
    }

    [Fact]
    public void Every_row_is_well_formed()
    {
        var ids = new HashSet<string>();
        foreach (var r in AllRows)
        {
            string where = $"{r.File} line {r.Line} ({r.Id})";
            Assert.True(ids.Add(r.Id), $"{where}: duplicate id");
            Assert.Contains(r.Kind, Kinds);
            int words = r.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words is >= 10 and <= 300, $"{where}: {words} words");
            Assert.All(r.Tags, t => Assert.True(TagTaxonomy.BuiltIn.Contains(t), $"{where}: unknown tag {t}"));
            Assert.Equal(TagTaxonomy.BuiltIn.Format(r.Tags), string.Join(';', r.Tags)); // taxonomy order, no repeats
        }
    }

    [Fact]
    public void No_two_rows_share_most_of_their_word_trigrams()
    {
        // Rows written from a template share most of their 3-grams; prose written one by one does not.
        var grams = AllRows.Select(r => CorpusMeasures.Trigrams(r.Text)).ToArray();
        var index = new Dictionary<string, List<int>>();
        for (int i = 0; i < grams.Length; i++)
            foreach (var g in grams[i])
                (index.TryGetValue(g, out var list) ? list : index[g] = []).Add(i);

        var offenders = new List<string>();
        for (int i = 0; i < grams.Length; i++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var g in grams[i])
                foreach (int j in index[g])
                    if (j > i) shared[j] = shared.GetValueOrDefault(j) + 1;
            foreach (var (j, count) in shared)
                if (count > 0.5 * Math.Min(grams[i].Count, grams[j].Count))
                    offenders.Add($"{AllRows[i].Id} ~ {AllRows[j].Id} ({count} shared 3-grams)");
        }
        Assert.True(offenders.Count == 0, "near-duplicate rows: " + string.Join("; ", offenders.Take(20)));

        // The share of distinct 3-grams falls as any corpus grows (common phrases recur), so it is measured on blocks
        // of a fixed size: prose written row by row keeps it well above 0.8 at 4,000 rows; templates fall far below.
        var ratios = CorpusMeasures.BlockRatios(grams);
        output.WriteLine($"distinct word 3-grams / all word 3-grams per {CorpusMeasures.RatioBlock:N0}-row block: {string.Join(", ", ratios.Select(r => r.ToString("0.000")))}");
        Assert.True(ratios.Min() > 0.8, $"distinct 3-gram ratio {ratios.Min():0.000} in a block of {CorpusMeasures.RatioBlock:N0} rows: the corpus repeats itself");
    }
}
