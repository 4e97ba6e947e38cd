using System.Text.RegularExpressions;
using CsvHelper;

namespace ContentTags.Evaluation;

/// <summary>
/// The public datasets in ../shared/data, each row turned into yes/no questions for the tags its labels can answer,
/// with the mappings their PROVENANCE.md files propose. Read at evaluation time only; nothing is copied.
/// </summary>
internal static partial class SharedData
{
    public sealed record Question(string Text, string Tag, bool Label);

    public static IEnumerable<(string Dataset, List<Question> Rows)> Load(string folder)
    {
        string mpaa = Path.Combine(folder, "mpaa-rating-reasons/uniform.csv");
        if (File.Exists(mpaa)) yield return ("MPA rating reasons", Mpaa(mpaa));
        string webis = Path.Combine(folder, "webis-passage-trigger-warnings/uniform.csv");
        if (File.Exists(webis)) yield return ("Webis fan-fiction passages", Webis(webis));
        string plots = Path.Combine(folder, "movie-plots-content-ratings/uniform.csv");
        if (File.Exists(plots)) yield return ("Film plots (KIM scores)", Plots(plots));
    }

    // The descriptor is the text: does the model read "Rated R for strong violence and drug use" as violence and substance-abuse?
    private static List<Question> Mpaa(string path)
    {
        var rows = new List<Question>();
        foreach (var (text, _) in Read(path))
            foreach (var (tag, pattern) in DescriptorPatterns)
                rows.Add(new Question(text, tag, pattern.IsMatch(text)));
        return rows;
    }

    private static List<Question> Webis(string path)
    {
        var map = new Dictionary<string, string>
        {
            ["violence"] = "violence", ["war"] = "violence", ["abduction"] = "kidnapping",
            ["misogyny"] = "discrimination", ["homophobia"] = "discrimination", ["racism"] = "discrimination", ["ableism"] = "discrimination",
        };
        var rows = new List<Question>();
        foreach (var (text, labels) in Read(path))
        {
            var parts = labels.Split(':');
            if (parts.Length == 2 && map.TryGetValue(parts[0], out var tag)) rows.Add(new Question(text, tag, parts[1] == "1"));
        }
        return rows;
    }

    private static List<Question> Plots(string path)
    {
        var rows = new List<Question>();
        foreach (var (text, labels) in Read(path))
        {
            var fields = labels.Split(';').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            if (fields.TryGetValue("kim_sex_nudity", out var sex) && int.TryParse(sex, out int s)) rows.Add(new Question(text, "sexual-content", s >= 7));
            if (fields.TryGetValue("kim_violence_gore", out var vio) && int.TryParse(vio, out int v)) rows.Add(new Question(text, "violence", v >= 7));
        }
        return rows;
    }

    private static readonly (string Tag, Regex Pattern)[] DescriptorPatterns =
    [
        ("sexual-violence", new Regex(@"\brape|sexual assault|sexual violence|sexual abuse", RegexOptions.IgnoreCase)),
        ("sexual-content", new Regex(@"\bsex|nudity|sensuality", RegexOptions.IgnoreCase)),
        ("violence", new Regex(@"violen", RegexOptions.IgnoreCase)),
        ("gore", new Regex(@"\bgor(e|y)\b|grisly|gruesome|bloody", RegexOptions.IgnoreCase)),
        ("torture", new Regex(@"tortur", RegexOptions.IgnoreCase)),
        ("substance-abuse", new Regex(@"drug|alcohol|substance|drinking", RegexOptions.IgnoreCase)),
    ];

    private static IEnumerable<(string Text, string Labels)> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        while (csv.Read()) yield return (csv.GetString("text") ?? "", csv.GetString("labels") ?? "");
    }
}
