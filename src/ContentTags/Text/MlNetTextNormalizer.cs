using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ContentTags;

/// <summary>
/// Reproduces ML.NET's <c>NormalizeText</c> with the options the featurizer uses: lower case, punctuation removed,
/// numbers kept, diacritics removed or kept.
/// </summary>
/// <remarks>
/// ML.NET normalizes each UTF-16 code unit on its own, with no look at its neighbours, so the whole transform is a
/// table from code unit to "dropped" or to one output code unit. For each code unit, in this order:
/// <list type="number">
/// <item><description><see cref="char.IsPunctuation(char)"/> (Unicode categories Pc, Pd, Ps, Pe, Pi, Pf, Po) drops it.
/// Symbols such as <c>$ + &lt; ♥</c> and emoji are not punctuation and stay; "don't" becomes "dont", "well-being"
/// becomes "wellbeing" (no space is put in).</description></item>
/// <item><description>Without diacritics, a combining mark in ML.NET's ranges (U+0300–U+036F, Hebrew points
/// U+0591–U+05BD, U+05C1, U+05C2, U+05C4, U+05C5, U+05C7, Arabic marks U+0610–U+0615, U+064C–U+065E, U+0670) drops it,
/// and a precomposed Latin, Greek or Cyrillic letter becomes its base letter through ML.NET's private table.</description></item>
/// <item><description><see cref="char.ToLowerInvariant(char)"/> lowers it, code unit by code unit (so no
/// context-dependent casing, and surrogates pass through unchanged).</description></item>
/// </list>
/// The base-letter table is private to ML.NET. Instead of retyping its ~330 pairs (and silently drifting if ML.NET ever
/// edits it), it is read once from ML.NET itself by normalizing every code unit with all other options off; the
/// parity tests then check the whole table against ML.NET with the real options.
/// </remarks>
internal sealed class MlNetTextNormalizer
{
    private static readonly Lazy<MlNetTextNormalizer> WithDiacritics = new(() => new MlNetTextNormalizer(keepDiacritics: true));
    private static readonly Lazy<MlNetTextNormalizer> WithoutDiacritics = new(() => new MlNetTextNormalizer(keepDiacritics: false));

    // Indexed by code unit; 128 KB + 64 KB per variant, shared by every featurizer in the process.
    private readonly char[] _map = new char[char.MaxValue + 1];
    private readonly bool[] _drop = new bool[char.MaxValue + 1];

    private MlNetTextNormalizer(bool keepDiacritics)
    {
        char[]? baseLetters = keepDiacritics ? null : ReadBaseLettersFromMlNet();
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (char.IsPunctuation(c) || (!keepDiacritics && IsCombiningDiacritic(c)))
            {
                _drop[i] = true;
                continue;
            }

            _map[i] = char.ToLowerInvariant(baseLetters is null ? c : baseLetters[i]);
        }
    }

    /// <summary>The shared normalizer for the given diacritics option.</summary>
    public static MlNetTextNormalizer Get(bool keepDiacritics) => (keepDiacritics ? WithDiacritics : WithoutDiacritics).Value;

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="destination"/>, which must be at least as long as the
    /// text (normalization never lengthens it).
    /// </summary>
    /// <returns>How many characters were written.</returns>
    public int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
            throw new ArgumentException("The destination must be at least as long as the text.", nameof(destination));

        char[] map = _map;
        bool[] drop = _drop;
        int written = 0;
        foreach (char c in text)
        {
            if (drop[c])
                continue;
            destination[written++] = map[c];
        }

        return written;
    }

    /// <summary>ML.NET's list of combining diacritics, which it drops when diacritics are not kept.</summary>
    internal static bool IsCombiningDiacritic(char c) =>
        (c >= '\u0300' && c <= '\u036F')
        || (c >= '\u0591' && c <= '\u05BD') || c == '\u05C1' || c == '\u05C2' || c == '\u05C4' || c == '\u05C5' || c == '\u05C7'
        || (c >= '\u0610' && c <= '\u0615') || (c >= '\u064C' && c <= '\u065E') || c == '\u0670';

    private static char[] ReadBaseLettersFromMlNet()
    {
        // Every code unit except the dropped combining marks, so that output position i answers for input position i.
        var probe = new char[char.MaxValue + 1];
        int length = 0;
        for (int i = 0; i <= char.MaxValue; i++)
        {
            if (!IsCombiningDiacritic((char)i))
                probe[length++] = (char)i;
        }

        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(new[] { new ProbeRow { Text = new string(probe, 0, length) } });
        var normalized = ml.Transforms.Text
            .NormalizeText(nameof(ProbeRow.Normalized), nameof(ProbeRow.Text), TextNormalizingEstimator.CaseMode.None,
                keepDiacritics: false, keepPunctuations: true, keepNumbers: true)
            .Fit(data)
            .Transform(data);
        string output = ml.Data.CreateEnumerable<ProbeRow>(normalized, reuseRowObject: false).Single().Normalized;

        if (output.Length != length)
        {
            throw new InvalidOperationException(
                $"ML.NET's text normalizer dropped {length - output.Length} characters outside its known combining-diacritic ranges; " +
                "the featurizer no longer mirrors it.");
        }

        var baseLetters = new char[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
            baseLetters[i] = (char)i;
        for (int j = 0; j < length; j++)
            baseLetters[probe[j]] = output[j];
        return baseLetters;
    }

    private sealed class ProbeRow
    {
        public string Text { get; set; } = "";

        public string Normalized { get; set; } = "";
    }
}
