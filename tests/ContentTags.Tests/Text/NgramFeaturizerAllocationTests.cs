namespace ContentTags.Tests.Text;

/// <summary>The inference hot path must not allocate once its buffers have grown.</summary>
public sealed class NgramFeaturizerAllocationTests
{
    [Theory]
    [InlineData("He took his own life after years of abuse. Café, naïve, 😀, \uD800, 1984 — don't!")]
    [InlineData("")]
    [InlineData("   ")]
    public void Featurize_does_not_allocate_in_steady_state(string text)
    {
        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default);
        var vector = new FeatureVector();
        for (int i = 0; i < 10; i++)
            featurizer.Featurize(text, vector);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            featurizer.Featurize(text, vector);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Featurize_does_not_allocate_after_a_long_text_grew_the_buffers()
    {
        var featurizer = new NgramFeaturizer(FeaturizerSettings.Default with { WordNgramLength = 5 });
        var vector = new FeatureVector(capacity: 0);
        string longText = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"word{i % 997} über-{i % 13}!"));
        string shortText = "A dog dies in chapter three.";
        featurizer.Featurize(longText, vector);
        featurizer.Featurize(shortText, vector);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            featurizer.Featurize(i % 100 == 0 ? longText : shortText, vector);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}
