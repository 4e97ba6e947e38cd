using System.Net.Http.Json;
using System.Text.Json;
using ContentTags.Samples.Tests.Support;
using Microsoft.Playwright;

namespace ContentTags.Samples.Tests;

/// <summary>
/// The WebApi sample's page in headless Chromium (Debian's <c>chromium</c> package, driven by Playwright): a person
/// pastes a review, clicks, and sees the tags, the probabilities and the evidence words highlighted.
/// </summary>
[Collection(WebApiCollection.Name)]
public sealed class BrowserTests(WebApiServer server) : IAsyncLifetime
{
    /// <summary>The browser; override with CHROMIUM_PATH where it lives elsewhere.</summary>
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string _profile = Directory.CreateTempSubdirectory("contenttags-chromium-").FullName;
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    [Fact]
    public async Task A_pasted_review_shows_its_tags_and_highlighted_evidence()
    {
        const string review = "A brutal thriller with a great score. Gang members beat a shopkeeper to death with baseball bats, "
            + "and a gunman shoots two police officers in the street. The ending is hopeful.";
        var expected = await TagThroughTheApiAsync(review); // what the page should show

        var page = await OpenPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})"); };

        await page.FillAsync("#text", review);
        await page.ClickAsync("#tag-button");

        // The tags, by display name.
        var violence = page.Locator("#tags li[data-tag='violence']");
        await violence.WaitForAsync();
        Assert.Equal("Violence", await violence.TextContentAsync());
        Assert.Equal(expected.Tags, await page.Locator("#tags li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.tag)"));

        // The probabilities, highest first.
        var topRow = page.Locator("#scores tbody tr").First;
        Assert.Equal("Violence", await topRow.Locator("td").First.TextContentAsync());
        Assert.Matches(@"^\d+\.\d %$", await topRow.Locator("td").Nth(1).TextContentAsync());

        // The evidence: the sentence behind the tag shaded in the text, its strongest words marked inside it.
        Assert.Equal(review, await page.Locator("#highlighted").TextContentAsync());
        var evidence = expected.EvidenceFor("violence")!;
        var sentence = page.Locator("#highlighted .sentence").First;
        Assert.Equal(evidence.Sentence, await sentence.TextContentAsync());
        var marked = await sentence.Locator("mark.word").AllTextContentsAsync();
        Assert.NotEmpty(marked);
        // Tags that share a sentence share its shading, so its marks are the words of every tag evidenced there.
        var sentenceWords = expected.Evidence.Where(e => e.Start == evidence.Start).SelectMany(e => e.Words).ToArray();
        Assert.All(marked, word => Assert.Contains(word, sentenceWords, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(marked, word => evidence.Words.Contains(word, StringComparer.OrdinalIgnoreCase));

        // A picture of the page for a person to look at.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "webapi-page.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task An_empty_review_shows_the_problem_message()
    {
        var page = await OpenPageAsync();

        await page.ClickAsync("#tag-button");

        await page.Locator("#status.error").WaitForAsync();
        Assert.Equal("Give the text to tag.", await page.Locator("#status").TextContentAsync());
        Assert.True(await page.Locator("#results").IsHiddenAsync());
    }

    private async Task<IPage> OpenPageAsync()
    {
        // A failure, not a skip: without the browser this end-to-end check has not run, and that must be visible.
        Assert.True(File.Exists(ChromiumPath),
            $"The browser test needs Chromium at {ChromiumPath}, and it is not there. Install it with `apt-get install -y chromium` " +
            "(CI's .ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary.");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
        var page = _browser.Pages.Count > 0 ? _browser.Pages[0] : await _browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(server.BaseAddress.ToString());
        return page;
    }

    private async Task<ContentTagResult> TagThroughTheApiAsync(string text)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.PostAsJsonAsync("tag", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContentTagResult>(JsonSerializerOptions.Web))!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { /* Chromium may still be releasing files */ }
    }
}
