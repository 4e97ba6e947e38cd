using System.Text.Json;

namespace ContentTags.Tests.Text;

public sealed class FeaturizerSettingsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var s = FeaturizerSettings.Default;
        Assert.Equal(2, s.WordNgramLength);
        Assert.Equal(16, s.WordHashBits);
        Assert.Equal(5, s.CharNgramLength);
        Assert.Equal(17, s.CharHashBits);
        Assert.Equal(314489979u, s.Seed);
        Assert.False(s.KeepDiacritics);
        Assert.Equal((1 << 16) + (1 << 17), s.Dimension);
        Assert.Same(s, s.Validate());
    }

    [Theory]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), 9)]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), 25)]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), 0)]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), -1)]
    [InlineData(nameof(FeaturizerSettings.CharHashBits), 9)]
    [InlineData(nameof(FeaturizerSettings.CharHashBits), 25)]
    [InlineData(nameof(FeaturizerSettings.CharHashBits), 31)]
    [InlineData(nameof(FeaturizerSettings.WordNgramLength), 0)]
    [InlineData(nameof(FeaturizerSettings.WordNgramLength), 6)]
    [InlineData(nameof(FeaturizerSettings.WordNgramLength), -3)]
    [InlineData(nameof(FeaturizerSettings.CharNgramLength), 0)]
    [InlineData(nameof(FeaturizerSettings.CharNgramLength), 6)]
    public void Validate_rejects_out_of_range_values(string property, int value)
    {
        var settings = With(property, value);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => settings.Validate());
        Assert.Equal(property, ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NgramFeaturizer(settings));
    }

    [Theory]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), 10)]
    [InlineData(nameof(FeaturizerSettings.WordHashBits), 24)]
    [InlineData(nameof(FeaturizerSettings.CharHashBits), 10)]
    [InlineData(nameof(FeaturizerSettings.CharHashBits), 24)]
    [InlineData(nameof(FeaturizerSettings.WordNgramLength), 1)]
    [InlineData(nameof(FeaturizerSettings.WordNgramLength), 5)]
    [InlineData(nameof(FeaturizerSettings.CharNgramLength), 1)]
    [InlineData(nameof(FeaturizerSettings.CharNgramLength), 5)]
    public void Validate_accepts_the_bounds(string property, int value)
    {
        var settings = With(property, value);
        Assert.Same(settings, settings.Validate());
    }

    [Fact]
    public void Settings_round_trip_through_json_without_the_computed_dimension()
    {
        var settings = new FeaturizerSettings { WordNgramLength = 3, CharHashBits = 12, Seed = 9, KeepDiacritics = true };
        string json = JsonSerializer.Serialize(settings);
        Assert.DoesNotContain($"\"{nameof(FeaturizerSettings.Dimension)}\"", json, StringComparison.Ordinal);
        Assert.Equal(settings, JsonSerializer.Deserialize<FeaturizerSettings>(json));
        Assert.Equal(FeaturizerSettings.Default, JsonSerializer.Deserialize<FeaturizerSettings>("{}"));
    }

    private static FeaturizerSettings With(string property, int value) => property switch
    {
        nameof(FeaturizerSettings.WordHashBits) => new FeaturizerSettings { WordHashBits = value },
        nameof(FeaturizerSettings.CharHashBits) => new FeaturizerSettings { CharHashBits = value },
        nameof(FeaturizerSettings.WordNgramLength) => new FeaturizerSettings { WordNgramLength = value },
        nameof(FeaturizerSettings.CharNgramLength) => new FeaturizerSettings { CharNgramLength = value },
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };
}
