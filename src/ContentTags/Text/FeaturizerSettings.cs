using System.Text.Json.Serialization;

namespace ContentTags;

/// <summary>
/// How text becomes a feature vector: hashed word n-grams plus hashed character n-grams, L2-normalized.
/// The same settings build the ML.NET training pipeline and the fast inference featurizer, and they are stored with
/// the model so that inference reproduces training slot for slot.
/// </summary>
/// <remarks>
/// Hashing instead of a learned dictionary keeps the model small and its size independent of the training data:
/// ML.NET's <c>FeaturizeText</c> stores every n-gram it saw and made a 132 MB model zip, while the defaults here give a
/// fixed 196,608-slot vector. A few collisions cost little because warnings are carried by many n-grams at once.
/// </remarks>
public sealed record FeaturizerSettings
{
    /// <summary>The smallest accepted value of <see cref="WordHashBits"/> and <see cref="CharHashBits"/>.</summary>
    public const int MinHashBits = 10;

    /// <summary>The largest accepted value of <see cref="WordHashBits"/> and <see cref="CharHashBits"/>.</summary>
    public const int MaxHashBits = 24;

    /// <summary>The smallest accepted n-gram length.</summary>
    public const int MinNgramLength = 1;

    /// <summary>The largest accepted n-gram length.</summary>
    public const int MaxNgramLength = 5;

    /// <summary>The largest accepted <see cref="EncoderLength"/>.</summary>
    public const float MaxEncoderLength = 100f;

    /// <summary>The largest accepted <see cref="EncoderDimension"/>.</summary>
    public const int MaxEncoderDimension = 65536;

    /// <summary>
    /// ML.NET's own default hashing seed (314489979). Keeping it means a pipeline built by hand with ML.NET's
    /// defaults lands on the same slots as ours.
    /// </summary>
    public const uint DefaultSeed = 314489979;

    /// <summary>
    /// Word n-grams of every length from 1 up to this one are counted. Default 2: single words carry most of the
    /// signal, and bigrams add the phrases whose words mean little alone ("took his", "self harm", "no animals").
    /// Trigrams and longer are rare in short reviews and mostly add noise and collisions.
    /// </summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>
    /// The word n-grams hash into 2^WordHashBits slots. Default 16 (65,536 slots): the corpus's ~60,000 distinct
    /// words and bigrams mostly matter through the few thousand that carry signal; 17 bits measured the same held-out
    /// macro F1 (0.735 vs 0.734) with a larger model.
    /// </summary>
    public int WordHashBits { get; init; } = 16;

    /// <summary>
    /// Character n-grams of exactly this length are counted, over the normalized text with start and end markers and
    /// across word boundaries. Default 5: long enough to catch word stems and morphology ("suici" in suicide,
    /// suicidal; "abuse" in abused, abusive), misspellings and short phrases across a space ("d his"). On the corpus 5
    /// beat 4 (held-out macro F1 0.735 vs 0.711) and 3 (0.667).
    /// </summary>
    public int CharNgramLength { get; init; } = 5;

    /// <summary>
    /// The character n-grams hash into 2^CharHashBits slots. Default 17 (131,072 slots): character 5-grams have more
    /// distinct values than words and bigrams together. With 16 word bits the model is about 8 MB zipped, under the
    /// 10 MB budget of the shipped model.
    /// </summary>
    public int CharHashBits { get; init; } = 17;

    /// <summary>
    /// The seed of every hash (words, word n-grams and character n-grams). Default <see cref="DefaultSeed"/>,
    /// ML.NET's default. Changing it moves every slot, so it is stored with the model.
    /// </summary>
    public uint Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Whether accents and other diacritics are kept. Default <see langword="false"/> (ML.NET's default): "café" and
    /// "cafe", "naïve" and "naive" share features, which matters more for informal reviews, where accents come and go,
    /// than the rare word that an accent alone tells apart.
    /// </summary>
    public bool KeepDiacritics { get; init; }

    /// <summary>
    /// Whether the words a negation governs ("no <u>animals were harmed</u>") get n-grams of their own, so a text that
    /// says a thing is absent does not read as one that has it. <see langword="false"/> here (so a model whose manifest
    /// predates the setting loads as it was trained); new models get it from <see cref="ContentTagTrainerOptions"/>,
    /// whose default turns it on. Measured on the corpus: hard negatives given a tag fell from 61 to 48 of 352 with the
    /// same held-out macro F1.
    /// </summary>
    public bool MarkNegation { get; init; }

    /// <summary>
    /// Whether a static embedding of the text (64 numbers from a token table distilled from all-MiniLM-L6-v2, shipped
    /// in the package) follows the n-gram slots. It lets the model relate phrasings it never saw ("took his own life")
    /// to ones it did ("committed suicide"); see the ablation in docs/evaluation.md.
    /// </summary>
    public bool StaticEmbeddings { get; init; }

    /// <summary>Which embedding table the model was trained with (set by training; checked when a model loads).</summary>
    public string? EmbeddingTable { get; init; }

    /// <summary>
    /// The <see cref="ITextEncoder.Id"/> of the text encoder whose vector follows the n-gram slots (and the static
    /// embedding, if any), or <see langword="null"/> for none. Set by training from
    /// <see cref="ContentTagTrainerOptions.Encoder"/>; loading the model then needs that encoder (see <see cref="TextEncoders"/>).
    /// </summary>
    public string? Encoder { get; init; }

    /// <summary>The length of the <see cref="Encoder"/>'s vector (0 without an encoder). Set by training.</summary>
    public int EncoderDimension { get; init; }

    /// <summary>The package that provides the <see cref="Encoder"/>, named when a model is loaded without it. Set by training.</summary>
    public string? EncoderPackage { get; init; }

    /// <summary>
    /// The L2 length the <see cref="Encoder"/>'s vector is scaled to, beside the n-gram block's unit length (a vector of
    /// zeros stays zeros). Default 1. It sets how much the encoder's block can weigh against the n-grams under the same
    /// regularisation: larger lets a small training set carry a label over to new wording ("took his own life" from
    /// rows that say "committed suicide"), smaller keeps a large corpus from leaning on the block where its n-grams are
    /// surer. Measured for the sentence embeddings in docs/evaluation.md.
    /// </summary>
    public float EncoderLength { get; init; } = 1f;

    /// <summary>
    /// The length of the feature vector: the word slots first, then the character slots, then the static embedding,
    /// then the encoder's vector. Only meaningful for settings that pass <see cref="Validate"/>.
    /// </summary>
    [JsonIgnore]
    public int Dimension => NgramDimension + (StaticEmbeddings ? ContentTags.StaticEmbeddings.Dimension : 0) + EncoderDimension;

    /// <summary>The length of the n-gram part of the vector: word slots then character slots.</summary>
    [JsonIgnore]
    public int NgramDimension => (1 << WordHashBits) + (1 << CharHashBits);

    /// <summary>The settings used when a model says nothing else.</summary>
    public static FeaturizerSettings Default { get; } = new();

    /// <summary>
    /// Checks that every value is in range: hash bits between <see cref="MinHashBits"/> and <see cref="MaxHashBits"/>,
    /// n-gram lengths between <see cref="MinNgramLength"/> and <see cref="MaxNgramLength"/>.
    /// </summary>
    /// <returns>These settings, so that a call can be chained.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public FeaturizerSettings Validate()
    {
        // Below 10 bits collisions swamp the model; above 24 the weight vectors alone pass 100 MB per tag.
        CheckRange(WordHashBits, MinHashBits, MaxHashBits, nameof(WordHashBits));
        CheckRange(CharHashBits, MinHashBits, MaxHashBits, nameof(CharHashBits));
        // ML.NET allows up to 10 minus skips; past 5 the n-grams are almost all unique and only add collisions.
        CheckRange(WordNgramLength, MinNgramLength, MaxNgramLength, nameof(WordNgramLength));
        CheckRange(CharNgramLength, MinNgramLength, MaxNgramLength, nameof(CharNgramLength));
        // An encoder id and its dimension come together: a vector of unknown length cannot be laid out.
        if (Encoder is null ? EncoderDimension != 0 : EncoderDimension is < 1 or > MaxEncoderDimension)
            throw new ArgumentOutOfRangeException(nameof(EncoderDimension), EncoderDimension,
                $"{nameof(EncoderDimension)} must be 0 without an encoder and between 1 and {MaxEncoderDimension} with one.");
        if (!float.IsFinite(EncoderLength) || EncoderLength is <= 0 or > MaxEncoderLength)
            throw new ArgumentOutOfRangeException(nameof(EncoderLength), EncoderLength, $"{nameof(EncoderLength)} must be above 0 and at most {MaxEncoderLength}.");
        return this;
    }

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
    }
}
