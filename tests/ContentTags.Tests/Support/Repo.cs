namespace ContentTags.Tests.Support;

internal static class Repo
{
    /// <summary>The folder holding ContentTags.sln.</summary>
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ContentTags.sln"))) return dir.FullName;
        throw new InvalidOperationException("The tests run inside the ContentTags repository.");
    }
}
