using System.Diagnostics;

namespace ContentTags.Cli.Tests.Support;

/// <summary>
/// Records what the reliability tests tried and whether it held, one tab-separated line per check, in
/// reliability-results.tsv beside the test assembly. write-reliability-doc.sh renders docs/reliability.md from it, so
/// the document only ever shows numbers a test run produced.
/// </summary>
internal static class Reliability
{
    private static readonly object s_lock = new();

    public static string ResultsPath { get; } = Path.Combine(AppContext.BaseDirectory, "reliability-results.tsv");

    static Reliability()
    {
        // One results file per test run.
        File.WriteAllText(ResultsPath, "area\ttried\tcount\tresult\tseconds\n");
    }

    /// <summary>Runs <paramref name="check"/> and records what was tried with its outcome (held, or FAILED and why), then rethrows any failure.</summary>
    public static void Check(string area, string tried, Func<long> check)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        try
        {
            count = check();
            Record(area, tried, count, "held", clock.Elapsed);
        }
        catch (Exception e)
        {
            Record(area, tried, count, "FAILED: " + e.GetType().Name + ": " + e.Message, clock.Elapsed);
            throw;
        }
    }

    public static async Task CheckAsync(string area, string tried, Func<Task<long>> check)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        try
        {
            count = await check();
            Record(area, tried, count, "held", clock.Elapsed);
        }
        catch (Exception e)
        {
            Record(area, tried, count, "FAILED: " + e.GetType().Name + ": " + e.Message, clock.Elapsed);
            throw;
        }
    }

    private static void Record(string area, string tried, long count, string result, TimeSpan elapsed)
    {
        string line = string.Join('\t', Clean(area), Clean(tried), count.ToString(System.Globalization.CultureInfo.InvariantCulture), Clean(result),
            elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)) + "\n";
        lock (s_lock) File.AppendAllText(ResultsPath, line);
    }

    private static string Clean(string s)
    {
        s = s.ReplaceLineEndings(" ").Replace('\t', ' ').Replace("|", "\\|");
        return s.Length > 300 ? s[..300] + "..." : s;
    }
}
