using System.Text.RegularExpressions;

namespace ContentTags.Evaluation;

/// <summary>
/// How the corpus is measured for repetition: each row's word 3-grams, and the share of distinct ones in blocks of a
/// fixed size. The corpus test (which links this file) and the evaluation report use this one definition, so the
/// number the page prints is the number the test holds above 0.8.
/// </summary>
internal static partial class CorpusMeasures
{
    /// <summary>Rows per block: the share of distinct 3-grams falls as any corpus grows, so it is compared at one size.</summary>
    public const int RatioBlock = 4000;

    /// <summary>The distinct lower-cased word 3-grams of one text.</summary>
    public static HashSet<string> Trigrams(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var set = new HashSet<string>();
        for (int i = 0; i + 2 < words.Length; i++) set.Add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        return set;
    }

    /// <summary>
    /// Distinct 3-grams over all 3-grams (each row's counted once) in each block of <see cref="RatioBlock"/> rows of a
    /// seeded shuffle; a corpus smaller than one block is one block.
    /// </summary>
    public static List<double> BlockRatios(IReadOnlyList<HashSet<string>> grams)
    {
        var order = Enumerable.Range(0, grams.Count).ToArray();
        new Random(42).Shuffle(order);
        var ratios = new List<double>();
        for (int start = 0; start == 0 || start + RatioBlock <= order.Length; start += RatioBlock)
        {
            var block = order.Skip(start).Take(RatioBlock).Select(i => grams[i]).ToList();
            long total = block.Sum(g => (long)g.Count);
            ratios.Add(total == 0 ? 0 : block.SelectMany(g => g).Distinct().Count() / (double)total);
        }
        return ratios;
    }

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex WordPattern();
}
