using System.Collections.Generic;
using System.Text;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>
    /// What the operator gives at deployment for one unfilled placeholder destination, named once for every
    /// deployable format: the ARM and Bicep parameter, the Terraform variable and the az script's environment
    /// variable. The names are unique in each format (see <see cref="UniqueNames"/>) and carry the same number.
    /// </summary>
    public sealed class PlaceholderInput
    {
        internal PlaceholderInput(string placeholder, string armName, string terraformName, string shellName)
        {
            Placeholder = placeholder;
            ArmName = armName;
            TerraformName = terraformName;
            ShellName = shellName;
        }

        /// <summary>The destination text the rules hold (APIServerPublicIP, CustomDnsIP or another placeholder).</summary>
        public string Placeholder { get; }
        public string ArmName { get; }
        public string TerraformName { get; }
        public string ShellName { get; }

        /// <summary>The API server has one public address; every other placeholder (custom DNS servers) is a list.</summary>
        public bool IsSingleAddress => Placeholder == Placeholders.ApiServerPublicIp;

        /// <summary>
        /// The inputs for a plan's placeholders, in their (sorted) order. The two known placeholders have fixed names;
        /// any other becomes destination&lt;Name&gt; / destination_&lt;name&gt; / DESTINATION_&lt;NAME&gt;, numbered
        /// when two placeholders read the same. Every name a format itself declares is reserved.
        /// </summary>
        internal static IReadOnlyList<PlaceholderInput> For(IReadOnlyList<string> placeholders)
        {
            var arm = new UniqueNames(new[]
            {
                ArmFirewallModel.PolicyNameParameter, ArmFirewallModel.PriorityParameter, ArmFirewallModel.SourceAddressesParameter,
                ArmFirewallModel.DnsProxyParameter, ArmFirewallModel.ApiServerParameter, ArmFirewallModel.CustomDnsParameter,
            });
            var terraform = new UniqueNames(TerraformWriter.DeclaredVariables);
            var shell = new UniqueNames(AzCliWriter.DeclaredVariables);

            var inputs = new List<PlaceholderInput>();
            foreach (var placeholder in placeholders)
            {
                if (placeholder == Placeholders.ApiServerPublicIp)
                {
                    inputs.Add(new PlaceholderInput(placeholder, ArmFirewallModel.ApiServerParameter, TerraformWriter.ApiServerVariable, AzCliWriter.ApiServerInput));
                    continue;
                }
                if (placeholder == Placeholders.CustomDnsIp)
                {
                    inputs.Add(new PlaceholderInput(placeholder, ArmFirewallModel.CustomDnsParameter, TerraformWriter.CustomDnsVariable, AzCliWriter.CustomDnsInput));
                    continue;
                }
                var armStem = ArmStem(placeholder);
                var snake = "destination_" + Snake(placeholder);
                var names = UniqueNames.Take(new (UniqueNames, System.Func<int, string>)[]
                {
                    (arm, n => n == 1 ? armStem : armStem + Number(n)),
                    (terraform, n => n == 1 ? snake : snake + "_" + Number(n)),
                    (shell, n => (n == 1 ? snake : snake + "_" + Number(n)).ToUpperInvariant()),
                });
                inputs.Add(new PlaceholderInput(placeholder, names[0], names[1], names[2]));
            }
            return inputs;
        }

        private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>"destination" and the ASCII letters and digits of the placeholder: an identifier in ARM and Bicep.</summary>
        private static string ArmStem(string placeholder)
        {
            var builder = new StringBuilder("destination");
            foreach (var c in placeholder)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) builder.Append(c);
                if (builder.Length >= 60) break;
            }
            return builder.ToString();
        }

        /// <summary>Lower snake case of ASCII letters and digits ("MyDns" and "My-Dns" both "my_dns"): a Terraform and shell identifier.</summary>
        private static string Snake(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsUpper(c) && builder.Length > 0 && builder[builder.Length - 1] != '_') builder.Append('_');
                var lower = char.ToLowerInvariant(c);
                builder.Append((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_');
                if (builder.Length >= 60) break;
            }
            var name = builder.ToString().Trim('_');
            return name.Length == 0 ? "placeholder" : name;
        }
    }
}
