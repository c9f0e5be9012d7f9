using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>
    /// The external help (module/en-US/AksEgress.dll-Help.xml) against the cmdlets themselves, read by reflection:
    /// what Get-Help shows must be every cmdlet, every parameter in the sets it really belongs to, with the binding
    /// the binder really uses. A parameter added to a cmdlet without help fails here. Each check returns its problems
    /// as text, so a failure names every gap at once, and the tampering tests prove the checks can see a gap.
    /// </summary>
    public sealed class HelpTests
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static readonly Lazy<IReadOnlyList<CmdletSurface>> Surfaces = new(() =>
        {
            using var metadata = new CmdletMetadata();
            return CmdletSurface.All(metadata);
        });

        private static readonly Lazy<XDocument> Help = new(() => XDocument.Load(RepoFile("module", "en-US", "AksEgress.dll-Help.xml")));

        public static TheoryData<string> CmdletNames() => new(Surfaces.Value.Select(c => c.Name));

        [Fact]
        public void HelpFileIsMamlInTheThreeNamespacesGetHelpReads()
        {
            var root = Help.Value.Root!;
            Assert.Equal("helpItems", root.Name.LocalName);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
            var commands = root.Elements(Command + "command").ToList();
            Assert.NotEmpty(commands);
            foreach (var command in commands)
            {
                var used = command.DescendantsAndSelf().Select(e => e.Name.Namespace).Distinct().ToList();
                Assert.Equal(new[] { Command, Dev, Maml }.Select(n => n.NamespaceName).OrderBy(n => n),
                    used.Select(n => n.NamespaceName).OrderBy(n => n));
            }
        }

        [Fact]
        public void EveryCmdletHasExactlyOneHelpEntryAndEveryEntryIsACmdlet()
        {
            Assert.NotEmpty(Surfaces.Value);
            var entries = Help.Value.Root!.Elements(Command + "command").Select(c => Text(c.Element(Command + "details")?.Element(Command + "name"))).ToList();
            foreach (var cmdlet in Surfaces.Value)
            {
                Assert.True(entries.Count(e => e == cmdlet.Name) == 1, $"{cmdlet.Name} has {entries.Count(e => e == cmdlet.Name)} help entries; it needs exactly one.");
                var details = CommandFor(cmdlet.Name).Element(Command + "details")!;
                Assert.Equal((cmdlet.Verb, cmdlet.Noun), (Text(details.Element(Command + "verb")), Text(details.Element(Command + "noun"))));
            }
            Assert.Empty(entries.Except(Surfaces.Value.Select(c => c.Name), StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void EveryParameterIsDocumentedOnceWithItsTypeAndBinding(string name) =>
            AssertNone(ParameterProblems(CommandFor(name), Surface(name)));

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void EachSyntaxItemIsOneParameterSetWithItsParameters(string name) =>
            AssertNone(SyntaxProblems(CommandFor(name), Surface(name)));

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void AllowedValuesAndRangesAreTheOnesTheCmdletValidates(string name) =>
            AssertNone(ValidationProblems(CommandFor(name), Surface(name)));

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void HasASynopsisADescriptionAndAtLeastThreeExamplesOfItself(string name) =>
            AssertNone(ContentProblems(CommandFor(name), Surface(name)));

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void ListsEveryDeclaredOutputTypeAsAReturnValue(string name)
        {
            var documented = CommandFor(name).Element(Command + "returnValues")?.Elements(Command + "returnValue")
                .Select(r => Text(r.Element(Dev + "type")?.Element(Maml + "name"))).ToList() ?? new List<string>();
            Assert.NotEmpty(Surface(name).OutputTypes);
            Assert.All(Surface(name).OutputTypes, type => Assert.Contains(type, documented));
        }

        [Fact]
        public void AParameterTheHelpLacksIsReported()
        {
            var cmdlet = Surfaces.Value.First(c => c.Parameters.Any(p => p.Bindings.Any(b => b.Position != null)));
            var gained = cmdlet.Parameters.First(p => p.Bindings.Any(b => b.Position != null)).Name;
            var command = new XElement(CommandFor(cmdlet.Name));
            command.Descendants(Command + "parameter").Where(p => NameOf(p) == gained).Remove();

            Assert.Contains(ParameterProblems(command, cmdlet), p => p.Contains($"-{gained} ", StringComparison.Ordinal));
            Assert.Contains(SyntaxProblems(command, cmdlet), p => p.Contains($"-{gained}", StringComparison.Ordinal));
        }

        [Fact]
        public void AParameterTheCmdletLacksAndAWrongPositionAreReported()
        {
            var cmdlet = Surfaces.Value.First(c => c.Parameters.Any(p => p.Bindings.Any(b => b.Position != null)));
            var positional = cmdlet.Parameters.First(p => p.Bindings.Any(b => b.Position != null)).Name;
            var command = new XElement(CommandFor(cmdlet.Name));
            var parameters = command.Element(Command + "parameters")!;
            var stale = new XElement(parameters.Elements(Command + "parameter").First());
            stale.Element(Maml + "name")!.Value = "NoSuchParameter";
            parameters.Add(stale);
            foreach (var element in command.Descendants(Command + "parameter").Where(p => NameOf(p) == positional)) element.SetAttributeValue("position", "named");

            var problems = ParameterProblems(command, cmdlet).Concat(SyntaxProblems(command, cmdlet)).ToList();
            Assert.Contains(problems, p => p.Contains("-NoSuchParameter", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains($"-{positional}", StringComparison.Ordinal) && p.Contains("position", StringComparison.Ordinal));
        }

        [Fact]
        public void AboutTopicHasTheAboutLayoutAndNamesEveryCmdlet()
        {
            var path = RepoFile("module", "en-US", "about_AksEgress.help.txt");
            Assert.True(File.Exists(path), $"{path} is missing.");
            var lines = File.ReadAllLines(path);
            var content = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.Equal("TOPIC", content[0]);
            Assert.Equal("about_AksEgress", content[1]);

            // The headings of the about-topic layout, at the left margin and in this order.
            var headings = new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION", "SEE ALSO" }.Select(h => Array.IndexOf(lines, h)).ToList();
            Assert.DoesNotContain(-1, headings);
            Assert.Equal(headings.OrderBy(i => i), headings);
            Assert.False(string.IsNullOrWhiteSpace(lines.Skip(headings[0] + 1).FirstOrDefault(l => l.Trim().Length > 0)), "SHORT DESCRIPTION has no text.");

            var text = string.Join("\n", lines);
            Assert.All(Surfaces.Value, c => Assert.Contains(c.Name, text, StringComparison.Ordinal));
            Assert.All(lines.Select((l, i) => (Line: i + 1, l.Length)), l => Assert.True(l.Length <= 80, $"line {l.Line} is {l.Length} characters long; about topics keep to 80."));
        }

        private static IEnumerable<string> ParameterProblems(XElement command, CmdletSurface cmdlet)
        {
            var documented = command.Element(Command + "parameters")?.Elements(Command + "parameter").ToList() ?? new List<XElement>();
            var names = documented.Select(NameOf).ToList();
            foreach (var twice in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                yield return $"-{twice.Key} is documented {twice.Count()} times in command:parameters.";
            foreach (var parameter in cmdlet.Parameters.Where(p => !names.Contains(p.Name, StringComparer.Ordinal)))
                yield return $"-{parameter.Name} is a parameter of {cmdlet.Name} but is not in command:parameters.";
            foreach (var element in documented)
            {
                var parameter = cmdlet.Parameters.FirstOrDefault(p => p.Name == NameOf(element));
                if (parameter == null)
                {
                    yield return $"-{NameOf(element)} is documented, but {cmdlet.Name} has no such parameter.";
                    continue;
                }
                if (Text(element.Element(Dev + "type")?.Element(Maml + "name")) != parameter.TypeName)
                    yield return $"-{parameter.Name}: dev:type is '{Text(element.Element(Dev + "type")?.Element(Maml + "name"))}', the property is {parameter.TypeName}.";
                if (Paragraphs(element).Length == 0) yield return $"-{parameter.Name} has no description.";
                if (Text(element.Element(Dev + "defaultValue")).Length == 0) yield return $"-{parameter.Name} has no dev:defaultValue.";
                // One entry stands for every set, so it must match at least one of the parameter's [Parameter] attributes.
                var mismatches = parameter.Bindings.Select(b => Mismatch(element, b)).ToList();
                if (mismatches.All(m => m != null)) yield return $"-{parameter.Name} in command:parameters: {mismatches[0]}";
            }
        }

        private static IEnumerable<string> SyntaxProblems(XElement command, CmdletSurface cmdlet)
        {
            var items = command.Element(Command + "syntax")?.Elements(Command + "syntaxItem").ToList() ?? new List<XElement>();
            if (items.Count != cmdlet.Sets.Count)
                yield return $"{items.Count} syntax items for {cmdlet.Sets.Count} parameter sets ({string.Join(", ", cmdlet.Sets)}).";
            var unmatched = cmdlet.Sets.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                if (Text(items[i].Element(Maml + "name")) != cmdlet.Name) yield return $"Syntax item {i + 1} is named '{Text(items[i].Element(Maml + "name"))}'.";
                var elements = items[i].Elements(Command + "parameter").ToList();
                var names = elements.Select(NameOf).ToList();
                var set = unmatched.FirstOrDefault(s => SameNames(cmdlet.ParametersOf(s).Select(p => p.Name), names));
                if (set == null)
                {
                    yield return $"Syntax item {i + 1} ({Dashed(names)}) is no parameter set of {cmdlet.Name}: {ClosestSet(cmdlet, unmatched, names)}";
                    continue;
                }
                unmatched.Remove(set);
                if (i == 0 && set != cmdlet.DefaultSet) yield return $"The first syntax item is set {set}; Get-Help shows the default set {cmdlet.DefaultSet} first.";
                foreach (var element in elements)
                {
                    var mismatch = Mismatch(element, cmdlet.Parameters.First(p => p.Name == NameOf(element)).In(set)!);
                    if (mismatch != null) yield return $"-{NameOf(element)} in the syntax of set {set}: {mismatch}";
                }
            }
            foreach (var set in unmatched) yield return $"Parameter set {set} ({Dashed(cmdlet.ParametersOf(set).Select(p => p.Name))}) has no syntax item.";
        }

        private static IEnumerable<string> ValidationProblems(XElement command, CmdletSurface cmdlet)
        {
            foreach (var parameter in cmdlet.Parameters)
            {
                var entry = command.Element(Command + "parameters")?.Elements(Command + "parameter").FirstOrDefault(p => NameOf(p) == parameter.Name);
                if (entry == null) continue; // ParameterProblems reports it
                var description = string.Join("\n", Paragraphs(entry));
                var everywhere = command.Descendants(Command + "parameter").Where(p => NameOf(p) == parameter.Name).ToList();
                foreach (var element in everywhere)
                {
                    var group = element.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value.Trim()).ToList();
                    if (group != null && !SameNames(parameter.ValidValues ?? Array.Empty<string>(), group))
                        yield return $"-{parameter.Name} lists the values {string.Join(", ", group)}; the cmdlet accepts {string.Join(", ", parameter.ValidValues ?? Array.Empty<string>())}.";
                }
                var listed = entry.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value.Trim()).ToList() ?? new List<string>();
                foreach (var value in parameter.ValidValues ?? Array.Empty<string>())
                {
                    if (!listed.Contains(value, StringComparer.Ordinal) && !Mentions(description, value))
                        yield return $"-{parameter.Name} accepts '{value}', which its help neither lists nor describes.";
                }
                if (parameter.Range is { } range && !(Mentions(description, range.Min) && Mentions(description, range.Max)))
                    yield return $"-{parameter.Name} accepts {range.Min} to {range.Max}; its description does not say so.";
            }
        }

        private static IEnumerable<string> ContentProblems(XElement command, CmdletSurface cmdlet)
        {
            if (Paragraphs(command.Element(Command + "details")).Length == 0) yield return "No synopsis.";
            if (Paragraphs(command).Length == 0) yield return "No description.";
            var examples = command.Element(Command + "examples")?.Elements(Command + "example").ToList() ?? new List<XElement>();
            if (examples.Count < 3) yield return $"{examples.Count} examples; at least 3 are needed.";
            foreach (var (example, n) in examples.Select((e, i) => (e, i + 1)))
            {
                if (Text(example.Element(Maml + "title")).Length == 0) yield return $"Example {n} has no title.";
                if (!Text(example.Element(Dev + "code")).Contains(cmdlet.Name, StringComparison.OrdinalIgnoreCase)) yield return $"Example {n} does not run {cmdlet.Name}.";
                if (example.Element(Dev + "remarks")?.Elements(Maml + "para").All(p => p.Value.Trim().Length == 0) ?? true) yield return $"Example {n} does not say what it does.";
            }
        }

        /// <summary>Null when the documented required/position/pipelineInput are what the binding says, else what differs.</summary>
        private static string? Mismatch(XElement element, CmdletSurface.Binding binding)
        {
            var pipeline = (binding.ByValue, binding.ByPropertyName) switch
            {
                (true, true) => "True (ByValue, ByPropertyName)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                _ => "False",
            };
            var expected = new[]
            {
                ("required", binding.Mandatory ? "true" : "false"),
                ("position", binding.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
                ("pipelineInput", pipeline),
            };
            var wrong = expected
                .Where(e => !string.Equals((string?)element.Attribute(e.Item1), e.Item2, StringComparison.OrdinalIgnoreCase))
                .Select(e => $"{e.Item1}='{(string?)element.Attribute(e.Item1)}', expected '{e.Item2}'")
                .ToList();
            return wrong.Count == 0 ? null : string.Join("; ", wrong) + ".";
        }

        private static string ClosestSet(CmdletSurface cmdlet, IEnumerable<string> candidates, IReadOnlyCollection<string> names)
        {
            var sets = candidates.Any() ? candidates : cmdlet.Sets;
            var set = sets.OrderBy(s => cmdlet.ParametersOf(s).Select(p => p.Name).Except(names).Count() + names.Except(cmdlet.ParametersOf(s).Select(p => p.Name)).Count()).First();
            var expected = cmdlet.ParametersOf(set).Select(p => p.Name).ToList();
            return $"closest is set {set}; the syntax item misses {Dashed(expected.Except(names))} and has {Dashed(names.Except(expected))} beyond it.";
        }

        private static bool SameNames(IEnumerable<string> a, IEnumerable<string> b)
        {
            var left = a.ToList();
            var right = b.ToList();
            return left.Count == right.Count && left.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(right.OrderBy(x => x, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        private static bool Mentions(string text, string word) =>
            Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(word)}(?![\w])");

        private static string Dashed(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 0 ? "nothing" : string.Join(", ", list.Select(n => "-" + n));
        }

        private static void AssertNone(IEnumerable<string> problems)
        {
            var list = problems.ToList();
            Assert.True(list.Count == 0, "The help and the cmdlet disagree:\n" + string.Join("\n", list));
        }

        private static string[] Paragraphs(XElement? parent) =>
            parent?.Element(Maml + "description")?.Elements(Maml + "para").Select(p => p.Value.Trim()).Where(p => p.Length > 0).ToArray() ?? Array.Empty<string>();

        private static string NameOf(XElement parameter) => Text(parameter.Element(Maml + "name"));

        private static string Text(XElement? element) => element?.Value.Trim() ?? "";

        private static CmdletSurface Surface(string name) => Surfaces.Value.Single(c => c.Name == name);

        private static XElement CommandFor(string name) =>
            Help.Value.Root!.Elements(Command + "command").First(c => Text(c.Element(Command + "details")?.Element(Command + "name")) == name);

        /// <summary>A file of the repository: the folder holding AksEgressPs.sln, found upwards from the test's output.</summary>
        private static string RepoFile(params string[] parts)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AksEgressPs.sln"))) return Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
            }
            throw new InvalidOperationException($"No AksEgressPs.sln above {AppContext.BaseDirectory}.");
        }
    }
}
