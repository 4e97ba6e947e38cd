using System.Text;

namespace ContentTags.Benchmarks;

/// <summary>
/// Generates a CSV file of reviews (columns id,title,text) of a given size from hand-written sentences, deterministically,
/// once: the file is kept in the temp folder and reused by later runs and by BenchmarkDotNet's child processes.
/// </summary>
internal static class CsvFileGenerator
{
    // Bump when the generator changes, so stale files are not reused.
    private const int Version = 1;

    private static readonly string[] Neutral =
    [
        "The cinematography is gorgeous, all long takes and natural light.",
        "I was hooked from the first episode and finished the season in a weekend.",
        "The pacing drags badly in the middle third.",
        "It is a cozy mystery with a charming small-town setting and a very good cat.",
        "The lead actress carries the film with a warm, funny, grounded performance.",
        "Honestly the dialogue felt stilted, like a first draft nobody revised.",
        "The soundtrack is wonderful and I have had the theme stuck in my head for days.",
        "This is a slow-burn romance with plenty of banter and a satisfying ending.",
        "The world building is rich without ever turning into a lecture.",
        "Great for a family movie night; the kids laughed the whole way through.",
        "The plot twist in the final act is telegraphed from the opening scene.",
        "I loved the found-family dynamic between the crew of the ship.",
        "The audiobook narrator does distinct voices for every character.",
        "It is a gentle, low-stakes fantasy about running a bakery in a mountain town.",
        "The puzzles are clever and the difficulty curve is just right.",
        "Some of the side quests feel like filler, but the main story is excellent.",
        "A thoughtful documentary about bees, farming and the changing seasons.",
        "The second book in the series is even better than the first.",
        "The ending left me wanting more, in a good way.",
        "Three stars: solid, enjoyable, instantly forgettable.",
        "The costumes and set design are a feast for the eyes.",
        "It is a workplace comedy with a big heart and a great ensemble cast.",
        "The translation reads smoothly and keeps the author's dry humour.",
        "I would not call it a masterpiece, but it is a very good beach read.",
        "The co-op mode is where the game really shines.",
        "The characters make believable choices, even when those choices are bad ones.",
        "Beautiful illustrations on every page; my daughter asks for it every night.",
        "The mystery is fair play: every clue is on the page if you look.",
        "The sequel was announced last week and I cannot wait.",
        "The middle episodes meander, but the finale pulls everything together.",
        "Witty, warm and surprisingly moving.",
        "The chemistry between the two leads is the whole reason to watch.",
        "I listened to it on a long drive and the hours flew by.",
        "The art style is charming and the controls feel tight.",
        "A quiet book about grief, gardening and second chances.",
        "It is a heist caper with a cast of lovable misfits and a great score.",
        "The writing is lyrical without being precious.",
        "The historical detail is impressive, down to the recipes.",
        "Perfect comfort viewing after a long week.",
        "I expected a thriller and got a character study, which I did not mind.",
        "The subtitles were out of sync on my copy, which was annoying.",
        "Not much happens, and that is exactly the point.",
    ];

    private static readonly string[] Warnings =
    [
        "Be warned: there is a graphic scene where a dog is beaten and left to die.",
        "The main character self-harms, and the cutting is described in detail.",
        "One chapter depicts a rape, and it is not handled with much care.",
        "There are several scenes of heavy drug use and an overdose.",
        "The villain tortures a prisoner on screen, and the camera does not look away.",
        "A teenager dies by suicide in the second episode.",
        "The father hits his children and the mother pretends not to see.",
        "Expect lots of blood and gore: severed limbs, gunshot wounds, the works.",
        "The plot centres on a girl who is kidnapped and held for ransom.",
        "The protagonist struggles with anorexia, with detailed calorie counting.",
        "There is racist abuse from the neighbours throughout the book.",
        "Women are trafficked across the border and sold, and the book shows all of it.",
        "Her husband controls the money, isolates her and eventually beats her.",
        "There are explicit sex scenes, so this is not one for younger readers.",
        "The battle scenes are brutal, with stabbings and executions.",
    ];

    private static readonly string[] TitleStarts = ["The Last", "A Quiet", "The Secret", "Midnight", "The Long", "Summer", "The Broken", "Little", "The Silver", "Winter"];
    private static readonly string[] TitleEnds = ["Harbour", "Garden", "Kingdom", "Summer", "Letters", "Orchard", "Station", "Detective", "Bakery", "Island"];

    /// <summary>The path of a generated file of about <paramref name="megabytes"/> MB, generated first when needed.</summary>
    public static string Ensure(int megabytes)
    {
        string path = Path.Combine(BenchmarkModel.CacheFolder, $"reviews-v{Version}-{megabytes}mb.csv");
        if (File.Exists(path)) return path;

        long target = megabytes * 1_000_000L;
        string temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        var random = new Random(12345 + megabytes);
        var text = new StringBuilder(2048);
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("id,title,text\n");
            for (long id = 1; writer.BaseStream.Position < target; id++)
            {
                string title = TitleStarts[random.Next(TitleStarts.Length)] + " " + TitleEnds[random.Next(TitleEnds.Length)];
                if (random.Next(5) == 0) title += ", Part " + (1 + random.Next(4));
                if (random.Next(10) == 0) title = "\"" + title + "\" (Director's Cut)";

                text.Clear();
                int sentences = 1 + random.Next(12);
                int warningAt = random.Next(4) == 0 ? random.Next(sentences) : -1;
                for (int s = 0; s < sentences; s++)
                {
                    if (s > 0) text.Append(random.Next(8) == 0 ? "\n" : " ");
                    text.Append(s == warningAt ? Warnings[random.Next(Warnings.Length)] : Neutral[random.Next(Neutral.Length)]);
                }
                if (random.Next(6) == 0) text.Append(" My rating: \"worth it\", 4/5.");

                writer.Write(id);
                writer.Write(',');
                WriteField(writer, title);
                writer.Write(',');
                WriteField(writer, text.ToString());
                writer.Write('\n');
            }
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }

    private static void WriteField(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
