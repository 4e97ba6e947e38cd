using System.IO.Compression;
using System.Text;
using ContentTags.Tests.Support;

namespace ContentTags.Tests.Model;

public sealed class ContentTagModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ct-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string SavedModel()
    {
        string path = Path.Combine(_dir, "model.zip");
        if (!File.Exists(path)) fixture.Model.Save(path);
        return path;
    }

    [Fact]
    public void Save_then_load_gives_identical_probabilities_and_manifest()
    {
        var loaded = ContentTagger.Load(SavedModel());
        foreach (var text in SmallCorpus.Examples.Select(e => e.Text))
            Assert.Equal(fixture.Tagger.Tag(text).Scores.Select(s => s.Probability), loaded.Tag(text).Scores.Select(s => s.Probability));
        var m = loaded.Model.Manifest;
        Assert.Equal(fixture.Model.Manifest.TrainingDataHash, m.TrainingDataHash);
        Assert.Equal(fixture.Model.Thresholds, loaded.Model.Thresholds);
        Assert.Equal(fixture.Model.Manifest.Featurizer, m.Featurizer);
        Assert.Equal(ModelManifest.CurrentFormatVersion, m.FormatVersion);
        Assert.Equal(fixture.Model.Manifest.ValidationMetrics!.MacroF1, m.ValidationMetrics!.MacroF1, 9);
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        fixture.Model.Save(a);
        fixture.Model.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_named_in_the_error()
    {
        string path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "this is not a model");
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a zip file", e.Message);
    }

    [Fact]
    public void A_model_truncated_at_every_tenth_of_its_length_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(SavedModel());
        for (int tenth = 0; tenth < 10; tenth++)
        {
            string path = Path.Combine(_dir, $"truncated-{tenth}.zip");
            File.WriteAllBytes(path, bytes[..(bytes.Length * tenth / 10)]);
            var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(path));
            Assert.Contains(path, e.Message);
        }
    }

    [Fact]
    public void Another_tools_zip_says_it_was_not_written_by_content_tags()
    {
        string path = Path.Combine(_dir, "other.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("hello");
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(path));
        Assert.Contains("not written by ContentTags", e.Message);
    }

    [Fact]
    public void A_model_from_a_newer_format_asks_for_an_update()
    {
        string path = Path.Combine(_dir, "newer.zip");
        File.Copy(SavedModel(), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            string json;
            using (var r = new StreamReader(entry.Open())) json = r.ReadToEnd();
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("manifest.json").Open(), Encoding.UTF8);
            w.Write(json.Replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
        }
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(path));
        Assert.Contains("model format 99", e.Message);
        Assert.Contains("update the ContentTags package", e.Message);
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_reported()
    {
        string path = Path.Combine(_dir, "badjson.zip");
        File.Copy(SavedModel(), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("manifest.json")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            w.Write("{ not json");
        }
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(path));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_file_not_found() =>
        Assert.Throws<FileNotFoundException>(() => ContentTagModel.Load(Path.Combine(_dir, "nope.zip")));
}
