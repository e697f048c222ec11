# A stand-in for VMware's vSphere Perl SDK (VMware::VIRuntime), which Debian does not ship: just
# enough for cluster-glue's external/vcenter to run. Every call is appended to $HAL_VI_LOG.
package VMware::VIRuntime;
use strict;
use warnings;

sub record {
	open(my $fh, '>>', $ENV{'HAL_VI_LOG'}) or die "HAL_VI_LOG: $!";
	print $fh join(' ', @_) . "\n";
	close($fh);
}

package Opts;
sub parse { VMware::VIRuntime::record('Opts::parse', map { "$_=" . ($ENV{$_} // '') } qw(VI_SERVER VI_PORTNUMBER VI_PROTOCOL VI_SERVICEPATH VI_CREDSTORE HOSTLIST RESETPOWERON)); }
sub validate { VMware::VIRuntime::record('Opts::validate'); }

package Util;
sub connect { VMware::VIRuntime::record('Util::connect'); }
sub disconnect { VMware::VIRuntime::record('Util::disconnect'); }

package HalStubValue;
sub val { return $_[0]->{'v'}; }

package HalStubHost;
sub name { return 'esxi1.example.org'; }

package HalStubVm;
sub get_property { return bless({ v => 'poweredOn' }, 'HalStubValue'); }
sub ResetVM { VMware::VIRuntime::record('ResetVM', $_[0]->{'name'}); }
sub PowerOnVM { VMware::VIRuntime::record('PowerOnVM', $_[0]->{'name'}); }
sub PowerOffVM { VMware::VIRuntime::record('PowerOffVM', $_[0]->{'name'}); }

package Vim;
sub find_entity_view {
	my (%args) = @_;
	my $filter = $args{'filter'}{'name'};
	VMware::VIRuntime::record('Vim::find_entity_view', "$filter");
	foreach my $name (qw(srv1 srv2)) {
		return bless({ name => $name, runtime => { host => 'host-1' } }, 'HalStubVm') if $name =~ $filter;
	}
	return undef;
}
sub get_view { return bless({}, 'HalStubHost'); }

1;
