using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentTags.Samples.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private const string ViolentText = "The gunman shot two guards in the lobby and stabbed the night porter to death.";
    private readonly string _dir = Directory.CreateTempSubdirectory("contenttags-di-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Resolves_one_singleton_over_the_embedded_model()
    {
        using var provider = new ServiceCollection().AddContentTagger().BuildServiceProvider();

        var tagger = provider.GetRequiredService<ContentTagger>();
        using (var scope = provider.CreateScope())
            Assert.Same(tagger, scope.ServiceProvider.GetRequiredService<ContentTagger>());
        Assert.Same(tagger, provider.GetRequiredService<ContentTagger>());
        Assert.Same(ContentTagger.Default.Model, tagger.Model); // the embedded model is loaded once per process
        Assert.Contains("violence", tagger.Tag(ViolentText).Tags);
    }

    [Fact]
    public void Registers_the_tagger_once_however_often_it_is_called()
    {
        var services = new ServiceCollection().AddContentTagger().AddContentTagger(o => o.Tagger.IncludeEvidence = false);

        Assert.Single(services, d => d.ServiceType == typeof(ContentTagger));
        using var provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetRequiredService<ContentTagger>().Tag(ViolentText).Evidence); // both configure actions apply
    }

    [Fact]
    public void ModelPath_loads_that_model()
    {
        string path = Path.Combine(_dir, "custom.zip");
        TinyModel().Save(path);

        using var provider = new ServiceCollection().AddContentTagger(o => o.ModelPath = path).BuildServiceProvider();

        var tagger = provider.GetRequiredService<ContentTagger>();
        Assert.Equal(["cake", "rain"], tagger.Taxonomy.Ids);
        Assert.Equal(path, provider.GetRequiredService<IOptions<ContentTagsOptions>>().Value.ModelPath);
    }

    [Fact]
    public void Options_configured_elsewhere_are_honoured()
    {
        // As when the options are bound from configuration: services.Configure<ContentTagsOptions>(section).
        var services = new ServiceCollection();
        services.Configure<ContentTagsOptions>(o => o.Tagger = new ContentTaggerOptions { Threshold = 0f });
        using var provider = services.AddContentTagger().BuildServiceProvider();

        var result = provider.GetRequiredService<ContentTagger>().Tag("A quiet afternoon in the garden.");

        Assert.Equal(ContentTagger.Default.Taxonomy.Ids, result.Tags); // threshold 0: every tag fires
    }

    [Fact]
    public void A_missing_model_file_fails_on_resolve_with_FileNotFoundException()
    {
        string path = Path.Combine(_dir, "no-such-model.zip");
        using var provider = new ServiceCollection().AddContentTagger(o => o.ModelPath = path).BuildServiceProvider(); // registering does not load

        var e = Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<ContentTagger>());
        Assert.Contains("no-such-model.zip", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_fails_on_resolve_with_ModelFormatException()
    {
        string path = Path.Combine(_dir, "notes.zip");
        File.WriteAllText(path, "this is not a model");
        using var provider = new ServiceCollection().AddContentTagger(o => o.ModelPath = path).BuildServiceProvider();

        var e = Assert.Throws<ModelFormatException>(() => provider.GetRequiredService<ContentTagger>());
        Assert.Equal(path, e.Source);
    }

    private static ContentTagModel TinyModel()
    {
        string[] cake = ["We baked a chocolate cake.", "The cake had cream and berries.", "A birthday cake with candles.", "She iced the lemon cake.", "Cake for tea again."];
        string[] rain = ["It rained all afternoon.", "Heavy rain flooded the lane.", "The rain drummed on the roof.", "A grey day of drizzle and rain.", "Rain again, so we stayed in."];
        var examples = cake.Select(t => new LabeledText(t, ["cake"])).Concat(rain.Select(t => new LabeledText(t, ["rain"])));
        return new ContentTagTrainer(new ContentTagTrainerOptions { ValidationFolds = 0 }).Train(examples);
    }
}
