namespace ContentTags.Tests.Embeddings;

public sealed class TextEmbedderTests
{
    private static readonly TextEmbedder Embedder = new(EmbeddingTestData.ShippedTable);

    private static float Similarity(string a, string b) => TextEmbedder.Cosine(Embedder.Embed(a), Embedder.Embed(b));

    [Fact]
    public void Close_phrasings_are_closer_than_unrelated_ones()
    {
        Assert.True(Similarity("took his own life", "committed suicide") > Similarity("took his own life", "baked a cake"));
        Assert.True(Similarity("the dog is killed", "an animal dies") > Similarity("the dog is killed", "a sunny picnic"));
        Assert.True(Similarity("she was raped", "sexual assault") > Similarity("she was raped", "a quiet dinner"));
    }

    [Fact]
    public void Vectors_are_unit_length_and_deterministic()
    {
        float[] first = Embedder.Embed("He took his own life after years of abuse.");
        Assert.Equal(Embedder.Dimension, first.Length);
        Assert.Equal(1.0, Math.Sqrt(first.Sum(v => (double)v * v)), 4);
        Assert.Equal(first, Embedder.Embed("He took his own life after years of abuse."));
        Assert.Equal(first, Embedder.Embed("HE TOOK HIS OWN LIFE AFTER YEARS OF ABUSE."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("\0\0\0")]
    [InlineData("\u200B\u00AD")]
    [InlineData("😀😀😀")]
    [InlineData("\uD800\uDC00\uDFFF\uD800")]
    public void Texts_without_known_tokens_give_zeros(string text)
    {
        var vector = new float[Embedder.Dimension];
        vector.AsSpan().Fill(7);
        Embedder.Embed(text, vector);
        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    public static TheoryData<string> HostileTexts()
    {
        var random = new Random(1234);
        var noise = new char[1 << 20];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = (char)random.Next(0, 65536);
        return new TheoryData<string>
        {
            "a\0b\0c suicide\0",
            "lone \uD800 high and \uDC00 low surrogates, reversed \uDC00\uD800",
            "emoji 😀🔪💀👨‍👩‍👧 and flags 🇬🇧 with ZWJ",
            "\uFFFD\uFFFE\uFFFF\u0001\u001F\u007F\u0085\u2028\u2029",
            "e\u0301\u0301\u0301\u0301\u0301 combining marks",
            new string(noise),
            new string('a', 1 << 20),
            new string(' ', 1 << 20),
            string.Concat(Enumerable.Repeat("suicide ", 1 << 17)),
            string.Concat(Enumerable.Repeat("😀", 1 << 19)),
        };
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_texts_do_not_throw(string text)
    {
        var vector = new float[Embedder.Dimension];
        Embedder.Embed(text, vector);
        Assert.All(vector, v => Assert.True(float.IsFinite(v)));
        double norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        Assert.True(norm == 0 || Math.Abs(norm - 1) < 1e-4);
    }

    [Fact]
    public void Rejects_a_short_destination()
    {
        Assert.Throws<ArgumentException>(() => Embedder.Embed("text", new float[Embedder.Dimension - 1]));
    }

    [Fact]
    public void Embed_does_not_allocate()
    {
        var vector = new float[Embedder.Dimension];
        string text = "He took his own life after years of abuse. Café, naïve, 😀, \uD800, 1984 — don't!";
        Embedder.Embed(text, vector);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            Embedder.Embed(text, vector);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        string[] texts = Enumerable.Range(0, 200).Select(i => $"text {i}: the dog is killed in chapter {i % 7}, she took her own life").ToArray();
        float[][] expected = texts.Select(Embedder.Embed).ToArray();
        var actual = new float[texts.Length][];
        Parallel.For(0, texts.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var vector = Embedder.Embed(texts[i % texts.Length]);
            actual[i % texts.Length] = vector;
            Assert.Equal(expected[i % texts.Length], vector);
        });
    }
}
