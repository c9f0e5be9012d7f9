# Pester 5: what a hostile tester piped and typed (issue 12, findings 14, 16, 17, 18, 22, 23), as a user sees it.
# Every call that could hang runs in its own PowerShell instance with a bound on the wait, so a regression fails the
# test instead of hanging the run. Probes aim only at 127.0.0.1. Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    # Runs $Script (with $Arguments as $args) in a fresh PowerShell instance of this runspace's module, waits at most
    # $Seconds, and gives back what it wrote: output, error ids and whether it finished in time.
    function Invoke-Bounded {
        param([string]$Script, [object[]]$Arguments = @(), [int]$Seconds = 30)
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule($ManifestPath)
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript($Script)
            foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
            $async = $ps.BeginInvoke()
            $finished = $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($Seconds))
            if (-not $finished) { $ps.Stop() }
            $output = if ($finished) { @($ps.EndInvoke($async)) } else { @() }
            [pscustomobject]@{
                Finished = $finished
                Output   = $output
                ErrorIds = @($ps.Streams.Error | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
                Messages = @($ps.Streams.Error | ForEach-Object { $_.Exception.Message })
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    $Required = @(Get-AksEgressRule -Location eastus -Requirement Required -WarningAction SilentlyContinue)
    $GoodRule = @($Required | Where-Object Destination -EQ 'mcr.microsoft.com')[0]
    $OtherRule = @($Required | Where-Object Destination -EQ 'packages.aks.azure.com')[0]

    # A .NET object whose property getter throws, and a list whose enumeration throws: what a PowerShell user can
    # meet in the wild (a lazy collection over a closed connection, a property that needs a session).
    Add-Type -TypeDefinition @'
namespace AksEgressHostile
{
    public sealed class ThrowingRule
    {
        public string Destination { get { return "10.0.0.9"; } }
        public string Kind { get { throw new System.InvalidOperationException("getter failed"); } }
    }
    public sealed class ThrowingList : System.Collections.IEnumerable
    {
        public System.Collections.IEnumerator GetEnumerator() { throw new System.InvalidOperationException("enumeration failed"); }
    }
}
'@
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'Objects that are not clusters (finding 14)' {
    It 'refuses <Name> as NotAnAksCluster at once' -ForEach @(
        @{ Name = 'the type [string]'; Script = '[string] | Get-AksEgressRule -Offline' }
        @{ Name = 'a script block'; Script = '{ "x" } | Get-AksEgressRule -Offline' }
        @{ Name = 'a file from Get-Item'; Script = 'Get-Item -LiteralPath $PSHOME/pwsh.dll | Get-AksEgressRule -Offline' }
        @{ Name = 'a hashtable that holds a type'; Script = '@{ location = "eastus"; name = "c1"; tag = [string] } | Get-AksEgressRule -Offline' }
        @{ Name = 'a process'; Script = 'Get-Process -Id $PID | Get-AksEgressRule -Offline' }
    ) {
        $result = Invoke-Bounded -Script $Script -Seconds 20
        $result.Finished | Should -BeTrue
        $result.Output.Count | Should -Be 0
        $result.ErrorIds | Should -Be @('NotAnAksCluster')
        $result.Messages[0] | Should -BeLike '*Pipe Get-AzAksCluster output*'
    }

    It 'reads a cluster that holds a type or refers to itself, leaving those values out' {
        $result = Invoke-Bounded -Seconds 20 -Script @'
$h = @{ location = 'eastus'; name = 'c1'; fqdn = 'c1-1a2b3c4d.hcp.eastus.azmk8s.io'; tag = [string] }
$h.self = $h
$h | Get-AksEgressRule -Offline -WarningAction SilentlyContinue
'@
        $result.Finished | Should -BeTrue
        $result.ErrorIds | Should -BeNullOrEmpty
        $result.Output.Destination | Should -Contain 'c1-1a2b3c4d.hcp.eastus.azmk8s.io'
    }

    It 'refuses an object too large for any cluster document as PipedObjectTooLarge, and goes on with the next' {
        $result = Invoke-Bounded -Seconds 30 -Script @'
$wide = @{ location = 'eastus'; name = 'wide'; fqdn = 'wide-1a2b3c4d.hcp.eastus.azmk8s.io' }
foreach ($i in 1..100001) { $wide["k$i"] = $i }
$wide, [pscustomobject]@{ location = 'eastus'; name = 'ok'; fqdn = 'ok-1a2b3c4d.hcp.eastus.azmk8s.io' } | Get-AksEgressRule -Offline -WarningAction SilentlyContinue
'@
        $result.Finished | Should -BeTrue
        $result.ErrorIds | Should -Be @('PipedObjectTooLarge')
        @($result.Output.ClusterName | Sort-Object -Unique) | Should -Be @('ok')
    }

    It 'refuses the same objects as rules in Test-AksEgress and Export-AksEgressRule' {
        $result = Invoke-Bounded -Seconds 20 -Script @'
[string], { 'x' } | Test-AksEgress -TimeoutSec 1
[string], { 'x' } | Export-AksEgressRule -Format Json -WarningAction SilentlyContinue | Out-Null
'@
        $result.Finished | Should -BeTrue
        $result.ErrorIds | Should -Be @('InvalidRuleRecord', 'InvalidRuleRecord', 'InvalidRuleRecord', 'InvalidRuleRecord')
    }

    It 'ends at Stop() while a long pipeline of clusters is read' {
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule($ManifestPath)
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript(@'
$cluster = [pscustomobject]@{ location = 'eastus'; name = 'c'; fqdn = 'c-1a2b3c4d.hcp.eastus.azmk8s.io' }
& { foreach ($i in 1..10000000) { $cluster } } | Get-AksEgressRule -Offline -WarningAction SilentlyContinue | Out-Null
'@)
            $async = $ps.BeginInvoke()
            $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(2)) | Should -BeFalse -Because 'ten million clusters take longer than two seconds'
            $stopped = [System.Diagnostics.Stopwatch]::StartNew()
            $stop = $ps.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15)) | Should -BeTrue
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 15
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'A piped object that throws while it is read (finding 16)' {
    It 'is one error in <Command>; the rules before and after it are kept' -ForEach @(
        @{ Command = 'Export-AksEgressRule' }
        @{ Command = 'Test-AksEgress' }
    ) {
        $throwingGetter = [AksEgressHostile.ThrowingRule]::new()
        $throwingList = [pscustomobject]@{ Destination = '10.0.0.8'; Kind = 'Network'; Protocol = 'TCP'; Port = 443; Items = [AksEgressHostile.ThrowingList]::new() }
        $piped = @($GoodRule, $throwingGetter, $throwingList, $OtherRule)
        if ($Command -eq 'Export-AksEgressRule') {
            $json = $piped | Export-AksEgressRule -Format Json -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            @($json | ConvertFrom-Json).Count | Should -Be 2
        }
        else {
            # mcr.microsoft.com is not resolvable in a closed network; what matters is that both good rules are tested.
            $results = $piped | Test-AksEgress -TimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue
            @($results).Count | Should -Be 2
        }
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.Exception.GetType().FullName | Should -Not -BeLike 'System.*' }
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -Match '^(InvalidRuleRecord|PipedObjectUnreadable),' }
    }
}

Describe 'Zero-padded addresses (finding 17)' {
    It 'refuses <Parameter> <Value> and says how to write it' -ForEach @(
        @{ Parameter = '-CustomDnsServer'; Value = '010.0.0.4'; Call = { Get-AksEgressRule -Location eastus -CustomDnsServer 010.0.0.4 }; Fixed = '10.0.0.4' }
        @{ Parameter = '-ApiServerAddress'; Value = '010.001.002.003'; Call = { Get-AksEgressRule -Location eastus -ApiServerAddress 010.001.002.003 }; Fixed = '10.1.2.3' }
        @{ Parameter = '-SourceAddress'; Value = '010.0.0.0/8'; Call = { $GoodRule | Export-AksEgressRule -Format Json -SourceAddress 010.0.0.0/8 }; Fixed = '10.0.0.0' }
    ) {
        $record = $null
        try { & $Call } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.Exception.Message | Should -BeLike "*'$Value'*zero-padded*"
        $record.Exception.Message | Should -BeLike "*$Fixed*"
        # The advice works: the address as the message writes it is taken.
        $fixedValue = $Value -replace '(?<![\d])0+(?=\d)', ''
        switch ($Parameter) {
            '-CustomDnsServer' { (Get-AksEgressRule -Location eastus -CustomDnsServer $fixedValue -WarningAction SilentlyContinue).Destination | Should -Contain '10.0.0.4' }
            '-ApiServerAddress' { (Get-AksEgressRule -Location eastus -ApiServerAddress $fixedValue -WarningAction SilentlyContinue).Destination | Should -Contain '10.1.2.3' }
            '-SourceAddress' { $GoodRule | Export-AksEgressRule -Format AzureFirewallArm -SourceAddress $fixedValue -WarningAction SilentlyContinue | Should -BeLike '*10.0.0.0/8*' }
        }
    }

    It 'refuses a piped rule whose destination is an address written as one number, in Export and Test alike' {
        $rule = [pscustomobject]@{ RuleId = 'x'; Kind = 'Network'; Destination = '2130706433'; DestinationType = 'IpAddress'; Protocol = 'TCP'; Port = 443 }
        $null = $rule | Export-AksEgressRule -Format Json -ErrorVariable exportError -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $null = $rule | Test-AksEgress -TimeoutSec 1 -ErrorVariable testError -ErrorAction SilentlyContinue
        $exportError.Exception.Message | Should -BeLike "*'2130706433'*four dotted decimal numbers*"
        $testError.Exception.Message | Should -Be $exportError.Exception.Message
    }
}

Describe 'A Destination that is not one value (finding 18)' {
    It 'refuses a rule whose Destination is <Name>, naming what it is, and exports the rest' -ForEach @(
        @{ Name = 'an array'; Destination = @('a.example.com', 'b.example.com'); Said = 'a list' }
        @{ Name = 'a hashtable'; Destination = @{ host = 'a.example.com' }; Said = 'an object with properties' }
    ) {
        $bad = [pscustomobject]@{ RuleId = 'bad'; Kind = 'Application'; Destination = $Destination; Protocol = 'Https'; Port = 443 }
        $json = $GoodRule, $bad | Export-AksEgressRule -Format Json -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -BeLike "*Destination is $Said*"
        $json | Should -Not -BeLike '*System.Collections*'
        @($json | ConvertFrom-Json).Destination | Should -Be @('mcr.microsoft.com')
    }
}

Describe '-All given as $false (finding 22)' {
    It 'is off: it ends the command with AllSwitchOff, before any sign-in or query' {
        $result = Invoke-Bounded -Seconds 20 -Script 'Get-AksEgressRule -All:$false'
        $result.Finished | Should -BeTrue
        $result.ErrorIds | Should -Be @('AllSwitchOff')
        $result.Messages[0] | Should -BeLike '*-All was given as $false*-ResourceGroupName and -Name*'
    }
}

Describe 'Smaller findings (23)' {
    It 'refuses rules piped to Test-AksEgress together with -Location, saying to do one or the other' {
        $record = $null
        try { $GoodRule | Test-AksEgress -Location eastus -TimeoutSec 1 } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'PipedRulesWithLocation,*'
        $record.Exception.Message | Should -BeLike '*pipe the rules without -Location*'
    }

    It 'refuses -DnsServer ::1:5353 and the bracketed form it suggests is taken' {
        { Test-AksEgress -Location eastus -DnsServer '::1:5353' } | Should -Throw -ExpectedMessage '*[::1]:5353*'
        # Followed: the bracketed address binds and the rules are probed through it (nothing listens there, so DNS
        # fails for names; the point is that the option is accepted).
        $results = $GoodRule | Test-AksEgress -DnsServer '[::1]:5353' -TimeoutSec 1
        @($results).Count | Should -Be 1
    }

    It 'refuses -NoProxy 10.0.0.0/99 naming the prefix length' {
        { Test-AksEgress -Location eastus -NoProxy '10.0.0.0/99' } | Should -Throw -ExpectedMessage "*'99'*0-32*"
    }

    It 'refuses -NoProxy $null as a validation error naming the parameter' {
        { Test-AksEgress -Location eastus -NoProxy $null } | Should -Throw -ErrorId 'ParameterArgumentValidationError,AksEgress.Commands.TestAksEgressCommand' -ExpectedMessage "*'NoProxy'*"
    }
}
