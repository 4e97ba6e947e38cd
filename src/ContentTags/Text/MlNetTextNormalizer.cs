namespace ContentTags;

/// <summary>
/// Reproduces ML.NET's <c>NormalizeText</c> with the options the featurizer uses: lower case, punctuation removed,
/// numbers kept, diacritics removed or kept.
/// </summary>
/// <remarks>
/// ML.NET normalizes each UTF-16 code unit on its own, with no look at its neighbours, so every code unit is either
/// dropped or replaced by one code unit. For each code unit, in this order:
/// <list type="number">
/// <item><description><see cref="char.IsPunctuation(char)"/> (Unicode categories Pc, Pd, Ps, Pe, Pi, Pf, Po) drops it.
/// Symbols such as <c>$ + &lt; ♥</c> and emoji are not punctuation and stay; "don't" becomes "dont", "well-being"
/// becomes "wellbeing" (no space is put in).</description></item>
/// <item><description>Without diacritics, a combining mark in ML.NET's ranges drops it, and one of 326 precomposed
/// Latin, Greek or Cyrillic letters becomes its base letter. Other accented letters (Vietnamese "ạ", Latin Extended
/// Additional, ...) keep their accents, as in ML.NET.</description></item>
/// <item><description><see cref="char.ToLowerInvariant(char)"/> lowers it, code unit by code unit (so no
/// context-dependent casing, and surrogates pass through unchanged).</description></item>
/// </list>
/// The parity tests check all 65,536 code units against ML.NET, with and without diacritics.
/// </remarks>
internal sealed class MlNetTextNormalizer
{
    private const short Drop = -1;

    private static readonly MlNetTextNormalizer WithDiacritics = new(keepDiacritics: true);
    private static readonly MlNetTextNormalizer WithoutDiacritics = new(keepDiacritics: false);

    // The letters ML.NET strips of their diacritics (its table has no others), grouped by the lower-case letter they
    // end up as once lower-cased: mapping then lowering, as ML.NET does, is the same as looking up the lowered base.
    private static readonly (char Lowered, string Letters)[] BaseLetterGroups =
    [
        ('a', "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧ"),
        ('c', "ÇçĆćĈĉĊċČč"),
        ('d', "Ďď"),
        ('e', "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ"),
        ('g', "ĜĝĞğĠġĢģǦǧǴǵ"),
        ('h', "ĤĥȞȟ"),
        ('i', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋ"),
        ('j', "Ĵĵǰ"),
        ('k', "ĶķǨǩ"),
        ('l', "ĹĺĻļĽľ"),
        ('n', "ÑñŃńŅņŇňǸǹ"),
        ('o', "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱ"),
        ('r', "ŔŕŖŗŘřȐȑȒȓ"),
        ('s', "ŚśŜŝŞşŠšȘș"),
        ('t', "ŢţŤťȚț"),
        ('u', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗ"),
        ('w', "Ŵŵ"),
        ('y', "ÝýÿŶŷŸȲȳ"),
        ('z', "ŹźŻżŽž"),
        ('æ', "ǢǣǼǽ"),
        ('ø', "Ǿǿ"),
        ('ʒ', "Ǯǯ"),
        ('α', "Άά"),
        ('ε', "Έέ"),
        ('η', "Ήή"),
        ('ι', "ΊΐΪίϊ"),
        ('ο', "Όό"),
        ('υ', "ΎΫΰϋύ"),
        ('ω', "Ώώ"),
        ('ϒ', "ϓϔ"),
        ('а', "ӐӑӒӓ"),
        ('г', "Ѓѓ"),
        ('е', "ЀЁѐёӖӗ"),
        ('ж', "ӁӂӜӝ"),
        ('з', "Ӟӟ"),
        ('и', "ЍЙйѝӢӣӤӥ"),
        ('к', "Ќќ"),
        ('о', "Ӧӧ"),
        ('у', "ЎўӮӯӰӱӲӳ"),
        ('ч', "Ӵӵ"),
        ('ы', "Ӹӹ"),
        ('э', "Ӭӭ"),
        ('і', "Її"),
        ('ѵ', "Ѷѷ"),
        ('ә', "Ӛӛ"),
        ('ө', "Ӫӫ"),
    ];

    private const char FirstAccented = '\u00C0';
    private const char LastAccented = '\u04F9';

    // Indexed by code unit minus FirstAccented: the lower-cased base letter, or NUL when ML.NET keeps the letter as is.
    private static readonly char[] BaseLetters = BuildBaseLetters();

    // ASCII decides almost every code unit of English text, so it gets a table; the rest is computed.
    private readonly short[] _ascii = new short[128];
    private readonly bool _keepDiacritics;

    private MlNetTextNormalizer(bool keepDiacritics)
    {
        _keepDiacritics = keepDiacritics;
        for (int i = 0; i < _ascii.Length; i++)
            _ascii[i] = char.IsPunctuation((char)i) ? Drop : (short)char.ToLowerInvariant((char)i);
    }

    /// <summary>The shared normalizer for the given diacritics option.</summary>
    public static MlNetTextNormalizer Get(bool keepDiacritics) => keepDiacritics ? WithDiacritics : WithoutDiacritics;

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="destination"/>, which must be at least as long as the
    /// text (normalization never lengthens it). When <paramref name="sourceIndex"/> is not empty it receives, for each
    /// character written, the index of the text character it came from (for mapping explanations back to the text).
    /// </summary>
    /// <returns>How many characters were written.</returns>
    public int Normalize(ReadOnlySpan<char> text, Span<char> destination, Span<int> sourceIndex)
    {
        if (destination.Length < text.Length)
            throw new ArgumentException("The destination must be at least as long as the text.", nameof(destination));
        bool mapping = !sourceIndex.IsEmpty;
        if (mapping && sourceIndex.Length < text.Length)
            throw new ArgumentException("The source index must be at least as long as the text.", nameof(sourceIndex));

        short[] ascii = _ascii;
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int mapped = c < 128 ? ascii[c] : MapNonAscii(c);
            if (mapped == Drop) continue;
            if (mapping) sourceIndex[written] = i;
            destination[written++] = (char)mapped;
        }

        return written;
    }

    internal static bool IsCombiningDiacritic(char c) =>
        (c >= '\u0300' && c <= '\u036F')
        || (c >= '\u0591' && c <= '\u05BD') || c == '\u05C1' || c == '\u05C2' || c == '\u05C4' || c == '\u05C5' || c == '\u05C7'
        || (c >= '\u0610' && c <= '\u0615') || (c >= '\u064C' && c <= '\u065E') || c == '\u0670';

    private int MapNonAscii(char c)
    {
        if (char.IsPunctuation(c))
            return Drop;
        if (!_keepDiacritics)
        {
            if (IsCombiningDiacritic(c))
                return Drop;
            if (c >= FirstAccented && c <= LastAccented && BaseLetters[c - FirstAccented] != '\0')
                return BaseLetters[c - FirstAccented];
        }

        return char.ToLowerInvariant(c);
    }

    private static char[] BuildBaseLetters()
    {
        var table = new char[LastAccented - FirstAccented + 1];
        foreach (var (lowered, letters) in BaseLetterGroups)
        {
            foreach (char letter in letters)
                table[letter - FirstAccented] = lowered;
        }

        return table;
    }
}
