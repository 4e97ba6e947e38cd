using System.Text;

namespace ContentTags.Cli.Tests.Support;

/// <summary>Texts to build large inputs from: the small corpus's sentences, alone and combined, with a few hazards.</summary>
internal static class SampleTexts
{
    public static IReadOnlyList<string> Corpus { get; } = File.ReadLines(SmallModel.CorpusPath).Skip(1)
        .Select(line => line.StartsWith('"') ? line[1..line.LastIndexOf('"')].Replace("\"\"", "\"") : line[..line.LastIndexOf(',')])
        .ToArray();

    /// <summary>The text of row <paramref name="i"/>: deterministic, varied in length, sometimes with commas, quotes or line breaks.</summary>
    public static string Row(int i)
    {
        var c = Corpus;
        return (i % 10) switch
        {
            0 => "",
            1 => c[i % c.Count] + " " + c[(i * 7 + 3) % c.Count],
            2 => c[i % c.Count] + "\n\"Quoted\", she said.",
            3 => string.Join(' ', Enumerable.Range(0, 12).Select(k => c[(i + k * 13) % c.Count])),
            _ => c[i % c.Count],
        };
    }

    /// <summary>A CSV (id, text) of <paramref name="rows"/> rows, ids counting from <paramref name="firstId"/>.</summary>
    public static string Csv(int rows, int firstId = 1)
    {
        var sb = new StringBuilder("id,text\n");
        for (int i = 0; i < rows; i++)
        {
            int id = firstId + i;
            sb.Append(id).Append(',').Append(CsvText.Field(Row(id), ',')).Append('\n');
        }
        return sb.ToString();
    }
}
