// WebApi: a minimal API that tags texts, and a page to try it in a browser.
//   dotnet run --project samples/WebApi --urls http://127.0.0.1:5080
using ContentTags;
using ContentTags.Semantic;

var builder = WebApplication.CreateBuilder(args);

// Errors (400s, unhandled exceptions) are answered as RFC 9457 problem details.
builder.Services.AddProblemDetails();

// One ContentTagger for the whole app. Set ContentTags:ModelPath (appsettings.json, or the environment variable
// ContentTags__ModelPath) to use a model of your own instead of the embedded one, such as a semantic model from
// `contenttags train labeled.csv -o semantic-model.zip --semantic`. Registering the sentence encoder is what lets such
// a model load; it costs nothing until a semantic model tags its first text (then MiniLM loads, a few seconds).
SemanticContentTags.Register();
builder.Services.AddContentTagger(options => options.ModelPath = builder.Configuration["ContentTags:ModelPath"]);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();  // e.g. malformed JSON: a problem-details body instead of an empty 400
app.UseDefaultFiles();     // "/" serves wwwroot/index.html
app.UseStaticFiles();

// POST /tag {"text": "..."} -> {"tags": [...], "scores": [...], "evidence": [...]}
app.MapPost("/tag", (TagRequest? request, ContentTagger tagger) =>
{
    if (string.IsNullOrWhiteSpace(request?.Text))
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Give the text to tag."] });

    return Results.Ok(tagger.Tag(request.Text));
});

// GET /tags: the taxonomy (id, display name, description), for showing names instead of ids.
app.MapGet("/tags", (ContentTagger tagger) => tagger.Taxonomy);

app.Run();

record TagRequest(string? Text);
