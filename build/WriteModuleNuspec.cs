using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Writes the nuspec of the module's NuGet package from the module manifest, so the manifest stays the one place its
// description, links, tags and release notes are written. The tags follow what PowerShellGet writes when it publishes a
// module: PSModule (how Find-Module tells a module from a script), PSEdition_* from CompatiblePSEditions, and
// PSCmdlet_*/PSCommand_* per exported cmdlet with PSIncludes_Cmdlet (what Find-Command searches). Compiled by
// RoslynCodeTaskFactory when AksEgress.Module.proj packages.
public class WriteModuleNuspec : Task
{
    private const string NuspecNamespace = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";

    [Required] public string ManifestPath { get; set; }
    [Required] public string PackageId { get; set; }
    [Required] public string Version { get; set; }
    [Required] public string NuspecPath { get; set; }

    public override bool Execute()
    {
        var text = File.ReadAllText(ManifestPath);
        var manifestVersion = Scalar(text, "ModuleVersion");
        if (manifestVersion != Version)
        {
            Log.LogError("ModuleVersion '{0}' in '{1}' is not the package version '{2}'.", manifestVersion, ManifestPath, Version);
            return false;
        }

        var cmdlets = Array(text, "CmdletsToExport");
        var tags = new List<string> { "PSModule" };
        tags.AddRange(Array(text, "Tags"));
        tags.AddRange(Array(text, "CompatiblePSEditions").Select(e => "PSEdition_" + e));
        if (cmdlets.Count > 0) tags.Add("PSIncludes_Cmdlet");
        foreach (var cmdlet in cmdlets)
        {
            tags.Add("PSCmdlet_" + cmdlet);
            tags.Add("PSCommand_" + cmdlet);
        }
        var spaced = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace));
        if (spaced != null)
        {
            Log.LogError("The tag '{0}' in '{1}' has a space; NuGet separates tags with spaces.", spaced, ManifestPath);
            return false;
        }

        var authors = Scalar(text, "Author");
        var licenseUrl = Scalar(text, "LicenseUri");
        var projectUrl = Scalar(text, "ProjectUri");
        var description = Scalar(text, "Description");
        var copyright = Scalar(text, "Copyright");
        var releaseNotes = ReleaseNotes(text);
        if (Log.HasLoggedErrors) return false;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(NuspecPath)));
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(NuspecPath, settings))
        {
            writer.WriteStartElement("package", NuspecNamespace);
            writer.WriteStartElement("metadata", NuspecNamespace);
            writer.WriteElementString("id", NuspecNamespace, PackageId);
            writer.WriteElementString("version", NuspecNamespace, Version);
            writer.WriteElementString("authors", NuspecNamespace, authors);
            writer.WriteElementString("requireLicenseAcceptance", NuspecNamespace, "false");
            writer.WriteElementString("licenseUrl", NuspecNamespace, licenseUrl);
            writer.WriteElementString("projectUrl", NuspecNamespace, projectUrl);
            writer.WriteElementString("description", NuspecNamespace, description);
            writer.WriteElementString("releaseNotes", NuspecNamespace, releaseNotes);
            writer.WriteElementString("copyright", NuspecNamespace, copyright);
            writer.WriteElementString("tags", NuspecNamespace, string.Join(" ", tags.Distinct(StringComparer.OrdinalIgnoreCase)));
            writer.WriteEndElement();
            // Every file of the module folder at the package root, as PowerShellGet lays a module out.
            writer.WriteStartElement("files", NuspecNamespace);
            writer.WriteStartElement("file", NuspecNamespace);
            writer.WriteAttributeString("src", "**");
            writer.WriteAttributeString("target", "");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        Log.LogMessage(MessageImportance.Normal, "Wrote {0} ({1} tags).", NuspecPath, tags.Count);
        return true;
    }

    // Key = 'value' on a line of its own; a doubled quote is PowerShell's escaped quote.
    private string Scalar(string text, string key)
    {
        var match = Regex.Match(text, @"(?m)^\s*" + key + @"\s*=\s*'((?:[^']|'')*)'");
        if (!match.Success)
        {
            Log.LogError("'{0}' has no {1} = '...' line.", ManifestPath, key);
            return "";
        }
        return match.Groups[1].Value.Replace("''", "'");
    }

    // Key = @('a', 'b') on one line.
    private List<string> Array(string text, string key)
    {
        var match = Regex.Match(text, @"(?m)^\s*" + key + @"\s*=\s*@\(([^)]*)\)");
        if (!match.Success)
        {
            Log.LogError("'{0}' has no {1} = @(...) line.", ManifestPath, key);
            return new List<string>();
        }
        return Regex.Matches(match.Groups[1].Value, "'((?:[^']|'')*)'").Cast<Match>()
            .Select(m => m.Groups[1].Value.Replace("''", "'")).ToList();
    }

    // ReleaseNotes = @' ... '@, the here-string the manifest keeps them in.
    private string ReleaseNotes(string text)
    {
        var match = Regex.Match(text, @"(?ms)^\s*ReleaseNotes\s*=\s*@'\r?\n(.*?)\r?\n'@");
        if (!match.Success)
        {
            Log.LogError("'{0}' has no ReleaseNotes = @' ... '@ here-string.", ManifestPath);
            return "";
        }
        return match.Groups[1].Value.Replace("\r\n", "\n");
    }
}
