using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ContentTags.Tests.Text;

/// <summary>
/// The fast featurizer must give exactly what the ML.NET pipeline gives: same slots, same values within 1e-6.
/// </summary>
public sealed class NgramFeaturizerParityTests
{
    private const float Tolerance = 1e-6f;

    public static TheoryData<string> SettingsVariants => new(VariantNames);

    private static readonly string[] VariantNames = ["default", "unigrams-char3-smallbits", "trigrams-char1", "fivegrams-char5-bigbits", "char2-diacritics-kept", "with-static-embeddings"];

    [Theory]
    [MemberData(nameof(SettingsVariants))]
    public void Featurize_matches_the_MLNet_pipeline(string variant)
    {
        var settings = Variant(variant);
        var texts = variant == "default" ? ParityCorpus.All : ParityCorpus.WithoutMegabyte;
        Assert.True(texts.Count >= 200, $"only {texts.Count} texts");

        var expected = RunMlNet(settings, texts, out int mlNetDimension);
        Assert.Equal(settings.Dimension, mlNetDimension);

        var featurizer = new NgramFeaturizer(settings);
        Assert.Equal(settings.Dimension, featurizer.Dimension);
        var actual = new FeatureVector();
        for (int row = 0; row < texts.Count; row++)
        {
            featurizer.Featurize(texts[row], actual);
            AssertSameVector(expected[row], actual, texts[row]);
        }
    }

    [Fact]
    public void Saved_pipeline_loads_and_gives_the_same_vectors()
    {
        var ml = new MLContext(seed: 1);
        var texts = ParityCorpus.WithoutMegabyte;
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t }));
        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default);
        var model = featurizer.CreateEstimator(ml, nameof(TextRow.Text), "Features").Fit(data);

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);

        var transformed = loaded.Transform(data);
        Assert.DoesNotContain(transformed.Schema, c => c.Name.Contains("_ct_", StringComparison.Ordinal));
        var rows = ReadFeatures(transformed, "Features");
        var actual = new FeatureVector();
        for (int row = 0; row < texts.Count; row++)
        {
            featurizer.Featurize(texts[row], actual);
            AssertSameVector(rows[row], actual, texts[row]);
        }
    }

    [Fact]
    public void Empty_and_punctuation_only_texts_give_an_empty_vector_without_NaN()
    {
        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default);
        var vector = new FeatureVector();
        foreach (string text in new[] { "", "!!!", "...", "“”", "-" })
        {
            featurizer.Featurize(text, vector);
            Assert.Equal(0, vector.Count);
            Assert.Equal(featurizer.Dimension, vector.Dimension);
        }

        var expected = RunMlNet(FeaturizerSettings.Default, ["", "!!!"], out _);
        Assert.All(expected, v => Assert.All(v.DenseValues(), x => Assert.Equal(0f, x)));
    }

    [Fact]
    public void Whole_vector_has_unit_norm_and_word_slots_come_first()
    {
        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default);
        var vector = new FeatureVector();
        featurizer.Featurize("The dog dies at the end.", vector);

        double sum = 0;
        foreach (float v in vector.ActiveValues)
            sum += v * v;
        Assert.Equal(1.0, sum, 5);
        Assert.True(vector.ActiveIndices.ToArray().SequenceEqual(vector.ActiveIndices.ToArray().Order()), "indices must ascend");
        // 6 words give 6 unigrams and 5 bigrams (fewer slots only on a collision); the rest are character 4-grams.
        int wordSlots = vector.ActiveIndices.ToArray().Count(i => i < featurizer.WordDimension);
        Assert.InRange(wordSlots, 9, 11);
        Assert.True(vector.Count - wordSlots >= 20, "the character 4-grams follow the word slots");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Normalize_matches_MLNet_on_every_code_unit(bool keepDiacritics)
    {
        var all = new char[char.MaxValue + 1];
        for (int i = 0; i < all.Length; i++)
            all[i] = (char)i;
        string text = new(all);

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { Text = text } });
        var transformed = ml.Transforms.Text.NormalizeText("Normalized", nameof(TextRow.Text), TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: keepDiacritics, keepPunctuations: false, keepNumbers: true)
            .Fit(data).Transform(data);
        string expected = transformed.GetColumn<ReadOnlyMemory<char>>("Normalized").Single().ToString();

        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default with { KeepDiacritics = keepDiacritics });
        string actual = featurizer.Normalize(text);
        Assert.Equal(expected.Length, actual.Length);
        int firstDifference = Enumerable.Range(0, expected.Length).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(firstDifference < 0, $"first difference at output position {firstDifference}");

        var span = new char[text.Length];
        Assert.Equal(actual.Length, featurizer.Normalize(text, span));
        Assert.Equal(actual, new string(span, 0, actual.Length));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("dont")]
    [InlineData("café")]
    [InlineData("😀")]
    [InlineData("\uD800")]
    [InlineData("tab\tinside")]
    public void A_single_words_occurrence_is_the_slot_MLNet_gives_it(string word)
    {
        var settings = FeaturizerSettings.Default with { WordNgramLength = 1 };
        var featurizer = new NgramFeaturizer(settings);
        string normalized = featurizer.Normalize(word);

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new TextRow { Text = normalized } });
        var transformed = ml.Transforms.Text.ProduceHashedWordBags("Words", nameof(TextRow.Text),
                numberOfBits: settings.WordHashBits, ngramLength: 1, seed: settings.Seed)
            .Fit(data).Transform(data);
        var vector = transformed.GetColumn<VBuffer<float>>("Words").Single();
        var slots = vector.Items().Where(kv => kv.Value != 0).Select(kv => kv.Key).ToArray();

        var occurrences = new List<NgramOccurrence>();
        int length = featurizer.ListOccurrences(word, occurrences, new int[word.Length]);
        var wordOccurrences = occurrences.Where(o => o.Slot < featurizer.WordDimension).ToArray();
        Assert.Equal(slots, wordOccurrences.Select(o => o.Slot));
        Assert.All(wordOccurrences, o => Assert.Equal((0, length), (o.Start, o.End)));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("trigrams-char1")]
    [InlineData("char2-diacritics-kept")]
    public void Occurrences_are_the_counted_slots_and_cover_their_words(string variant)
    {
        var featurizer = new NgramFeaturizer(Variant(variant));
        const string text = "The sheriff's deputies, tired and wet, FOUND the stolen car at dawn.";
        var counts = new FeatureVector();
        featurizer.CountNgrams(text, counts);
        var occurrences = new List<NgramOccurrence>();
        var source = new int[text.Length];
        int length = featurizer.ListOccurrences(text, occurrences, source);

        // Every occurrence once: the multiset of listed slots is the counted vector.
        var expected = counts.ActiveIndices.ToArray().Zip(counts.ActiveValues.ToArray()).OrderBy(p => p.First).ToArray();
        var listed = occurrences.GroupBy(o => o.Slot).Select(g => (g.Key, (float)g.Count())).OrderBy(p => p.Key).ToArray();
        Assert.Equal(expected, listed);

        // Spans lie in the normalized text and map back to the original characters they came from.
        string normalized = featurizer.Normalize(text);
        Assert.Equal(normalized.Length, length);
        Assert.All(occurrences, o => Assert.InRange(o.Start, 0, o.End));
        Assert.All(occurrences, o => Assert.InRange(o.End, o.Start, length));
        for (int i = 0; i < length; i++)
            Assert.Equal(normalized[i], char.ToLowerInvariant(text[source[i]]));
        int found = normalized.IndexOf("found", StringComparison.Ordinal);
        Assert.Equal("FOUND", text.Substring(source[found], 5));
    }

    private static FeaturizerSettings Variant(string name) => name switch
    {
        "default" => FeaturizerSettings.Default,
        "unigrams-char3-smallbits" => new FeaturizerSettings
        {
            WordNgramLength = 1, CharNgramLength = 3, WordHashBits = 12, CharHashBits = 10, Seed = 42, KeepDiacritics = true,
        },
        "trigrams-char1" => new FeaturizerSettings { WordNgramLength = 3, CharNgramLength = 1, WordHashBits = 20, CharHashBits = 14, Seed = 0 },
        "with-static-embeddings" => new FeaturizerSettings { StaticEmbeddings = true },
        "fivegrams-char5-bigbits" => new FeaturizerSettings
        {
            WordNgramLength = 5, CharNgramLength = 5, WordHashBits = 10, CharHashBits = 24, Seed = uint.MaxValue,
        },
        "char2-diacritics-kept" => new FeaturizerSettings { CharNgramLength = 2, KeepDiacritics = true, Seed = 7 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static List<VBuffer<float>> RunMlNet(FeaturizerSettings settings, IReadOnlyList<string> texts, out int dimension)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t }));
        var estimator = new NgramFeaturizer(settings).CreateEstimator(ml, nameof(TextRow.Text), "Features");
        var transformed = estimator.Fit(data).Transform(data);
        dimension = ((VectorDataViewType)transformed.Schema["Features"].Type).Size;
        Assert.DoesNotContain(transformed.Schema, c => c.Name.Contains("_ct_", StringComparison.Ordinal));
        return ReadFeatures(transformed, "Features");
    }

    private static List<VBuffer<float>> ReadFeatures(IDataView view, string column)
    {
        var rows = new List<VBuffer<float>>();
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        while (cursor.MoveNext())
        {
            VBuffer<float> value = default;
            getter(ref value);
            rows.Add(value);
        }

        return rows;
    }

    private static void AssertSameVector(VBuffer<float> expected, FeatureVector actual, string text)
    {
        Assert.Equal(expected.Length, actual.Dimension);
        var expectedSlots = new SortedDictionary<int, float>();
        foreach (var (slot, value) in expected.Items())
        {
            if (value != 0)
                expectedSlots[slot] = value;
        }

        string shown = text.Length > 80 ? text[..80] + $"... ({text.Length} chars)" : text;
        Assert.True(expectedSlots.Count == actual.Count,
            $"{expectedSlots.Count} non-zero slots expected, {actual.Count} produced, for text \"{Escape(shown)}\"");
        int i = 0;
        foreach (var (slot, value) in expectedSlots)
        {
            int actualSlot = actual.Indices[i];
            float actualValue = actual.Values[i];
            Assert.True(slot == actualSlot, $"slot {i}: expected index {slot}, got {actualSlot}, for text \"{Escape(shown)}\"");
            Assert.True(Math.Abs(value - actualValue) <= Tolerance,
                $"slot {slot}: expected {value:R}, got {actualValue:R}, for text \"{Escape(shown)}\"");
            Assert.False(float.IsNaN(actualValue));
            i++;
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }
}
