# Pester 5 tests for Test-AksEgress. Every probe aims at a listener this file starts on 127.0.0.1 or at a port
# nobody listens on there; nothing leaves the machine. Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    # A rule as Get-AksEgressRule or Import-Csv gives it: a TCP network rule to a loopback address.
    function New-LoopbackRule {
        param([int]$Port, [string]$Requirement = 'Required')
        [pscustomobject]@{
            RuleId = "test-loopback-$Port"; Edition = 'Current'; Cloud = 'AzureCloud'; Location = 'eastus'
            Feature = 'Core'; Kind = 'Network'; Destination = '127.0.0.1'; DestinationType = 'IpAddress'
            Protocol = 'TCP'; Port = $Port; Requirement = $Requirement; Condition = ''; Alternatives = ''
            Purpose = 'loopback test'; PurposeKo = ''; DestinationTemplate = '127.0.0.1'; Source = 'test'
        }
    }

    $Listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $Listener.Start()
    $OpenPort = ([System.Net.IPEndPoint]$Listener.LocalEndpoint).Port

    # A port that was free a moment ago: connecting to it is refused. Windows retries a SYN that was answered with a
    # reset for about two seconds before it reports the refusal, so probes of this port get -TimeoutSec 5.
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $ClosedPort = ([System.Net.IPEndPoint]$probe.LocalEndpoint).Port
    $probe.Stop()
}

AfterAll {
    if ($Listener) { $Listener.Stop() }
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'Test-AksEgress' {
    It 'passes a TCP rule whose destination accepts the connection' {
        $result = New-LoopbackRule -Port $OpenPort | Test-AksEgress -TimeoutSec 2
        $result.Status | Should -Be 'Passed'
        $result.TestedHost | Should -Be '127.0.0.1'
        $result.PSObject.TypeNames[0] | Should -Be 'AksEgress.AksEgressTestResult'
    }

    It 'fails a refused port as TcpRefused with the evidence in Detail' {
        $result = New-LoopbackRule -Port $ClosedPort | Test-AksEgress -TimeoutSec 5
        $result.Status | Should -Be 'Failed'
        $result.FailureKind | Should -Be 'TcpRefused'
        $result.Detail | Should -Not -BeNullOrEmpty
    }

    It 'answers -Quiet with one boolean: every Required rule passed' {
        (New-LoopbackRule -Port $OpenPort | Test-AksEgress -Quiet -TimeoutSec 2) | Should -BeTrue
        (@((New-LoopbackRule -Port $OpenPort), (New-LoopbackRule -Port $ClosedPort)) | Test-AksEgress -Quiet -TimeoutSec 5) | Should -BeFalse
        (@((New-LoopbackRule -Port $OpenPort), (New-LoopbackRule -Port $ClosedPort -Requirement Optional)) | Test-AksEgress -Quiet -TimeoutSec 5) | Should -BeTrue
    }

    It 'writes the summary as information' {
        $null = New-LoopbackRule -Port $OpenPort | Test-AksEgress -TimeoutSec 2 -InformationVariable info
        @($info | Where-Object { "$($_.MessageData)" -like '*1 passed, 0 failed, 0 skipped*' }).Count | Should -Be 1
    }

    It 'skips what it cannot confirm and says why' {
        $rule = New-LoopbackRule -Port 1194
        $rule.Protocol = 'UDP'
        $result = $rule | Test-AksEgress -TimeoutSec 2
        $result.Status | Should -Be 'Skipped'
        $result.Detail | Should -Not -BeNullOrEmpty
    }

    It 'sends an HTTP probe through the proxy its cluster uses, unless -IgnoreClusterProxy' {
        # An HTTP rule as a live cluster with an httpProxyConfig gives it; the "proxy" is a refused loopback port.
        $rule = New-LoopbackRule -Port $ClosedPort
        $rule.Kind = 'Application'
        $rule.Protocol = 'HTTP'
        $rule | Add-Member -NotePropertyName ClusterHttpProxy -NotePropertyValue "http://127.0.0.1:$ClosedPort"
        ($rule | Test-AksEgress -TimeoutSec 2).ResolvedAddresses | Should -BeLike 'via proxy 127.0.0.1:*'
        ($rule | Test-AksEgress -TimeoutSec 2 -IgnoreClusterProxy).ResolvedAddresses | Should -Not -BeLike 'via proxy*'
    }

    It 'refuses a -DnsServer that is not an address before probing anything' {
        { New-LoopbackRule -Port $OpenPort | Test-AksEgress -DnsServer 'dns.contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidDnsServer,AksEgress.Commands.TestAksEgressCommand'
    }

    It 'has the documented parameter sets and bounds' {
        $command = Get-Command Test-AksEgress
        ($command.ParameterSets.Name | Sort-Object) -join ',' | Should -Be 'InputObject,Plan'
        { New-LoopbackRule -Port $OpenPort | Test-AksEgress -ThrottleLimit 0 } | Should -Throw
    }
}
