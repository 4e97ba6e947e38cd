using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentTags.Samples.Tests.Support;
using ContentTags.Semantic;

namespace ContentTags.Samples.Tests;

/// <summary>The WebApi sample started with ContentTags__ModelPath naming a semantic model (sentence embeddings).</summary>
public sealed class SemanticWebApiTests
{
    [Fact]
    public async Task A_semantic_model_from_configuration_serves_tags()
    {
        string dir = Path.Combine(Path.GetTempPath(), "contenttags-samples-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        try
        {
            string modelPath = Path.Combine(dir, "semantic-model.zip");
            TrainSemanticModel().Save(modelPath);

            var server = new WebApiServer(new Dictionary<string, string> { ["ContentTags__ModelPath"] = modelPath });
            await server.InitializeAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                using var response = await http.PostAsJsonAsync("tag", new { text = "Her father took his own life." });
                Assert.True(response.StatusCode == HttpStatusCode.OK, server.Log);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(["grim"], json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        }
    }

    // Rows that say only "committed suicide", so the served tag on "took his own life" comes from the embeddings.
    private static ContentTagModel TrainSemanticModel()
    {
        string[] grim =
        [
            "The singer committed suicide in the spring of that year.", "Her father committed suicide when she was nine.",
            "A soldier committed suicide after coming home from the front.", "The novel opens after the poet committed suicide in Paris.",
            "An actress committed suicide at the height of her fame.", "Her brother committed suicide and the family never spoke of it.",
            "A farmer committed suicide after losing the land.", "The composer committed suicide before finishing the symphony.",
        ];
        string[] cosy =
        [
            "A warm comedy about a bakery in Lisbon.", "The team wins the cup after a long season.",
            "Two friends restore an old boat over one summer.", "A documentary about jazz in New Orleans.",
            "Kids build a robot for the science fair.", "The couple plan their wedding on a farm.",
            "The puppy learns to fetch at the dog show.", "The orchestra tours Japan.",
            "A travel show about trains across the Alps.", "The choir prepares for the national competition.",
        ];
        var examples = grim.Select(t => new LabeledText(t, ["grim"])).Concat(cosy.Select(t => new LabeledText(t, ["cosy"])));
        var options = new ContentTagTrainerOptions { ValidationFolds = 0, Seed = 3 }.UseSentenceEmbeddings(length: 2f);
        return new ContentTagTrainer(options).Train(examples);
    }
}
