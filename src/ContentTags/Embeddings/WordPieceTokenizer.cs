using System.Globalization;
using System.Runtime.CompilerServices;

namespace ContentTags;

/// <summary>Receives the vocabulary rows of a text's tokens, in order, from <see cref="WordPieceTokenizer"/>.</summary>
internal interface ITokenSink
{
    /// <summary>Called once per token, with its row in the tokenizer's vocabulary.</summary>
    void Add(int row);
}

/// <summary>
/// Splits text into the WordPiece tokens of an uncased BERT vocabulary (such as all-MiniLM-L6-v2's): BERT's basic
/// tokenizer (lower case, accents stripped, punctuation and CJK ideographs split off) followed by greedy
/// longest-match-first WordPiece, with continuation pieces spelled <c>##piece</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>Microsoft.ML.Tokenizers.BertTokenizer</c>: it returns lists and normalized strings (allocations on
/// every call, where the featurizer allocates nothing), it needs Unicode normalization (NFD), which the library cannot
/// rely on under <c>InvariantGlobalization</c>, and its ids would then have to be mapped onto the table's rows. This
/// class needs no package, works straight on the table's vocabulary, allocates nothing, and is thread-safe.
/// The same source file is compiled into the distiller (tools/ContentTags.Distill), so the token frequencies behind
/// the SIF weights are counted with exactly the tokenization used at run time.
/// </para>
/// <para>Per UTF-16 code unit, in order:</para>
/// <list type="bullet">
/// <item><description>NUL, U+FFFD, other control characters (Cc) and format characters (Cf, e.g. soft hyphen,
/// zero-width joiner) are dropped, as BERT's <c>_clean_text</c> does; so are non-spacing marks (Mn), as BERT's
/// accent stripping does.</description></item>
/// <item><description>White space (Unicode Zs, tab, CR, LF and the other separators) ends a word.</description></item>
/// <item><description>Punctuation (ASCII <c>!"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c> and Unicode P*) and
/// CJK ideographs are one-character words of their own.</description></item>
/// <item><description>Anything else is lower-cased (<see cref="char.ToLowerInvariant(char)"/>) and, for 413
/// precomposed Latin, Greek and Cyrillic letters, replaced by its base letter (what NFD plus dropping Mn gives), then
/// added to the current word. Surrogates (emoji, ...) are kept as they are and simply match no token.</description></item>
/// </list>
/// <para>
/// Words longer than <see cref="MaxWordLength"/> code units are skipped, like BERT's <c>[UNK]</c>. Where BERT turns
/// a whole word into <c>[UNK]</c> because one character is out of vocabulary, this tokenizer skips only that character
/// and goes on matching (a piece after a skipped character is a continuation piece once the word has produced a token).
/// Time is linear in the text's length: a match never looks further than the longest vocabulary entry.
/// </para>
/// </remarks>
internal sealed class WordPieceTokenizer
{
    /// <summary>Words longer than this many UTF-16 code units (after normalization) give no token, as in BERT.</summary>
    public const int MaxWordLength = 100;

    /// <summary>The prefix of a WordPiece continuation piece.</summary>
    public const string ContinuationPrefix = "##";

    private const int FoldStart = 0x00C0;
    private const int FoldEnd = 0x2000;

    // Lower-case letter -> base letter, from Unicode's canonical decompositions (NFD, then drop Mn), for the
    // precomposed letters of Latin-1 Supplement, Latin Extended-A/B, Greek, Cyrillic, Latin Extended Additional and
    // Greek Extended. Generated with Python's unicodedata; code units are looked up after lower-casing.
    private const string FoldFrom =
        "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřś" +
        "ŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǣǧǩǫǭǯǰǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳʹΐ" +
        "άέήίΰϊϋόύώϓϔйѐёѓїќѝўѷӂӑӓӗӛӝӟӣӥӧӫӭӯӱӳӵӹḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳ" +
        "ḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳ" +
        "ẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹἀἁἂἃἄἅἆἇἐἑἒἓἔἕἠἡἢἣἤἥἦἧἰἱἲἳἴἵἶ" +
        "ἷὀὁὂὃὄὅὐὑὒὓὔὕὖὗὠὡὢὣὤὥὦὧὰάὲέὴήὶίὸόὺύὼώᾀᾁᾂᾃᾄᾅᾆᾇᾐᾑᾒᾓᾔᾕᾖᾗᾠᾡᾢᾣᾤᾥᾦᾧᾰᾱᾲ" +
        "ᾳᾴᾶᾷιῂῃῄῆῇῐῑῒΐῖῗῠῡῢΰῤῥῦῧῲῳῴῶῷ";

    private const string FoldTo =
        "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrs" +
        "sssttuuuuuuwyzzzouaiouuuuuaaægkooʒjgnaæøaaeeiioorruusthaeooooyʹι" +
        "αεηιυιυουωϒϒиеегікиуѵжааеәжзииоөэууучыabbbcdddddeeeeefghhhhhiikk" +
        "kllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyſaaaaaaaaaa" +
        "aaeeeeeeeeiioooooooooooouuuuuuuyyyyααααααααεεεεεεηηηηηηηηιιιιιιι" +
        "ιοοοοοουυυυυυυυωωωωωωωωααεεηηιιοουυωωααααααααηηηηηηηηωωωωωωωωααα" +
        "ααααιηηηηηιιιιιιυυυυρρυυωωωωω";

    private static readonly char[] Fold = BuildFold();

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _rows;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // One bit per UTF-16 code unit that occurs in some token (outside the "##" prefix): a character without its bit
    // cannot start or continue any match, so it is skipped without a lookup.
    private readonly ulong[] _knownChars = new ulong[65536 / 64];

    /// <summary>
    /// Creates a tokenizer over <paramref name="vocabulary"/>; a token's row is its index. Continuation pieces are the
    /// entries that start with <c>##</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is null, empty, just <c>##</c>, or repeated.</exception>
    public WordPieceTokenizer(IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _tokens = new string[vocabulary.Count];
        _rows = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (int row = 0; row < vocabulary.Count; row++)
        {
            string token = vocabulary[row];
            if (string.IsNullOrEmpty(token) || token == ContinuationPrefix)
                throw new ArgumentException($"Vocabulary entry {row} is empty.", nameof(vocabulary));
            if (!_rows.TryAdd(token, row))
                throw new ArgumentException($"Vocabulary entry {row} ('{token}') is repeated.", nameof(vocabulary));
            _tokens[row] = token;
            MaxTokenLength = Math.Max(MaxTokenLength, token.Length);
            int start = token.StartsWith(ContinuationPrefix, StringComparison.Ordinal) ? ContinuationPrefix.Length : 0;
            foreach (char c in token.AsSpan(start))
                _knownChars[c >> 6] |= 1UL << (c & 63);
        }

        _lookup = _rows.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many tokens the vocabulary has.</summary>
    public int Count => _tokens.Length;

    /// <summary>The length of the longest token, in UTF-16 code units (with its <c>##</c> if any).</summary>
    public int MaxTokenLength { get; }

    /// <summary>The token at <paramref name="row"/>.</summary>
    public string Token(int row) => _tokens[row];

    /// <summary>Finds a token (spelled as in the vocabulary, <c>##</c> included) without allocating.</summary>
    public bool TryGetRow(ReadOnlySpan<char> token, out int row) => _lookup.TryGetValue(token, out row);

    /// <summary>
    /// Tokenizes <paramref name="text"/>, calling <paramref name="sink"/> with each token's row, in text order.
    /// Never throws on any input and allocates nothing.
    /// </summary>
    public void Tokenize<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        // The current word sits at [2, 2 + length): the two code units before a piece get overwritten with "##" to
        // look continuation pieces up in place.
        Span<char> buffer = stackalloc char[MaxWordLength + ContinuationPrefix.Length];
        int length = 0;
        bool tooLong = false;
        foreach (char c in text)
        {
            switch (Classify(c, out char folded))
            {
                case CharKind.Letter:
                    if (length < MaxWordLength)
                        buffer[ContinuationPrefix.Length + length++] = folded;
                    else
                        tooLong = true;
                    break;
                case CharKind.Separator:
                    EndWord(buffer, ref length, ref tooLong, ref sink);
                    break;
                case CharKind.Alone:
                    EndWord(buffer, ref length, ref tooLong, ref sink);
                    buffer[ContinuationPrefix.Length] = folded;
                    length = 1;
                    EndWord(buffer, ref length, ref tooLong, ref sink);
                    break;
                default:
                    break;
            }
        }

        EndWord(buffer, ref length, ref tooLong, ref sink);
    }

    private void EndWord<TSink>(scoped Span<char> buffer, ref int length, ref bool tooLong, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        if (length > 0 && !tooLong)
            MatchPieces(buffer, length, ref sink);
        length = 0;
        tooLong = false;
    }

    private void MatchPieces<TSink>(scoped Span<char> buffer, int length, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        const int p = 2; // ContinuationPrefix.Length
        bool emitted = false;
        int start = 0;
        while (start < length)
        {
            // A match can only span known characters, and no token is longer than MaxTokenLength.
            int limit = start;
            int maxEnd = Math.Min(length, start + MaxTokenLength - (emitted ? p : 0));
            while (limit < maxEnd && IsKnown(buffer[p + limit]))
                limit++;

            int found = -1;
            int end = limit;
            if (emitted)
            {
                buffer[start] = '#';
                buffer[start + 1] = '#';
                for (; end > start; end--)
                    if (_lookup.TryGetValue(buffer[start..(p + end)], out found))
                        break;
            }
            else
            {
                for (; end > start; end--)
                    if (_lookup.TryGetValue(buffer[(p + start)..(p + end)], out found))
                        break;
            }

            if (end > start)
            {
                sink.Add(found);
                emitted = true;
                start = end;
            }
            else
            {
                start++; // No token starts here: skip this one code unit.
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsKnown(char c) => (_knownChars[c >> 6] & (1UL << (c & 63))) != 0;

    private enum CharKind : byte
    {
        Drop,
        Separator,
        Alone,
        Letter,
    }

    private static CharKind Classify(char c, out char folded)
    {
        folded = c;
        if (c < 0x80)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                return CharKind.Letter;
            if (c is >= 'A' and <= 'Z')
            {
                folded = (char)(c + 32);
                return CharKind.Letter;
            }

            if (c is ' ' or '\t' or '\n' or '\r')
                return CharKind.Separator;
            if (c < 0x20 || c == 0x7F)
                return CharKind.Drop;
            return CharKind.Alone; // The rest of printable ASCII is BERT's punctuation.
        }

        if (char.IsWhiteSpace(c))
            return CharKind.Separator;
        if (c == '\uFFFD')
            return CharKind.Drop;
        if (IsCjkIdeograph(c))
            return CharKind.Alone;
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
                return CharKind.Drop;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
                return CharKind.Alone;
            default:
                break;
        }

        char lower = char.ToLowerInvariant(c);
        folded = lower is >= (char)FoldStart and < (char)FoldEnd && Fold[lower - FoldStart] != '\0' ? Fold[lower - FoldStart] : lower;
        return CharKind.Letter;
    }

    // BERT's _is_chinese_char, restricted to the ranges in the Basic Multilingual Plane (the others are surrogate
    // pairs, which match no token anyway).
    private static bool IsCjkIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static char[] BuildFold()
    {
        var fold = new char[FoldEnd - FoldStart];
        for (int i = 0; i < FoldFrom.Length; i++)
            fold[FoldFrom[i] - FoldStart] = FoldTo[i];
        return fold;
    }
}
