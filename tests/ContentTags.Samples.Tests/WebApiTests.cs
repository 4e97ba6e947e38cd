using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentTags.Samples.Tests.Support;

namespace ContentTags.Samples.Tests;

/// <summary>The WebApi sample over real HTTP on 127.0.0.1.</summary>
[Collection(WebApiCollection.Name)]
public sealed class WebApiTests(WebApiServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Post_tag_returns_tags_scores_and_evidence()
    {
        const string text = "A quiet start. Then the hitman shoots the witness in the head and stabs her bodyguard in the throat.";

        using var response = await _http.PostAsJsonAsync("tag", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Contains("violence", root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var scores = root.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(15, scores.Count);
        var violence = scores.Single(s => s.GetProperty("tagId").GetString() == "violence");
        Assert.True(violence.GetProperty("isTagged").GetBoolean());
        Assert.InRange(violence.GetProperty("probability").GetSingle(), violence.GetProperty("threshold").GetSingle(), 1f);

        var evidence = root.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("tagId").GetString() == "violence");
        int start = evidence.GetProperty("start").GetInt32(), length = evidence.GetProperty("length").GetInt32();
        Assert.Equal(evidence.GetProperty("sentence").GetString(), text.Substring(start, length)); // offsets index the posted text
        Assert.Contains("hitman", evidence.GetProperty("sentence").GetString());
        Assert.NotEmpty(evidence.GetProperty("words").EnumerateArray());
    }

    [Fact]
    public async Task Post_tag_with_a_harmless_text_gives_no_tags()
    {
        using var response = await _http.PostAsJsonAsync("tag", new { text = "A cheerful documentary about bees making honey in an orchard." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("tags").EnumerateArray());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\": null}")]
    [InlineData("{\"text\": \"   \"}")]
    public async Task Missing_text_is_a_400_problem(string body)
    {
        using var response = await _http.PostAsync("tag", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("text", out _), "the problem names the field");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await _http.PostAsync("tag", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_and_the_taxonomy_are_served()
    {
        string page = await _http.GetStringAsync("");
        Assert.Contains("<textarea id=\"text\"", page);
        Assert.Contains("function highlight", await _http.GetStringAsync("app.js"));

        using var tags = JsonDocument.Parse(await _http.GetStringAsync("tags"));
        Assert.Contains(tags.RootElement.EnumerateArray(), t => t.GetProperty("id").GetString() == "violence" && t.GetProperty("displayName").GetString() == "Violence");
    }
}
