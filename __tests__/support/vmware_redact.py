"""What the installed cloud-init's VMware datasource does with a guestinfo.metadata document.

Reads the metadata (YAML or JSON) on stdin, runs DataSourceVMware.redact_keys on it as the
datasource does right after reading guestinfo, with vmware-rpctool replaced by a recorder, and
prints the rpctool commands it would have run, as a JSON list. Nothing reaches a hypervisor.
"""

import json
import sys
import types

from cloudinit.sources import DataSourceVMware as ds

calls = []
ds.subp = lambda args, **kwargs: calls.append(list(args)) or ("", "")
metadata = ds.process_metadata(ds.load_json_or_yaml(sys.stdin.read()))
source = types.SimpleNamespace(
    metadata=metadata,
    data_access_method=ds.DATA_ACCESS_METHOD_GUESTINFO,
    vmware_rpctool="vmware-rpctool",
)
ds.DataSourceVMware.redact_keys(source)
json.dump(calls, sys.stdout)
