#!/usr/bin/python3
"""Checks many cloud-init documents with Debian's cloud-init (22.4) in one Python process.

A `cloud-init schema` process spends about a second starting up, so one per payload made the
suite slow. This runs the same code paths on every document instead:

  user-data       cloudinit.config.schema.validate_cloudconfig_file, as `cloud-init schema
                  --config-file` calls it; output is what that command prints.
  yaml            yaml.safe_load (PyYAML, YAML 1.1), as cloud-init reads any document.
  network-config  cloud-init's v2 parser and its ifupdown (ENI) renderer, the path a Debian 12
                  VM takes; cloud-init 22.4 ships no JSON schema for network-config.

stdin: a JSON list of {"kind": <one of the above>, "text": <document>}.
stdout: a JSON list, in the same order, of {"ok": bool, "output": str, "value": <yaml only>}.
Exit 3 when cloud-init cannot be imported (the caller names the package to install).
"""
import contextlib
import io
import json
import os
import sys
import tempfile

try:
    import yaml
    from cloudinit.config.schema import SchemaValidationError, get_schema, validate_cloudconfig_file
    from cloudinit.net import eni, network_state
except ImportError as e:
    print(f"cannot import cloud-init: {e}", file=sys.stderr)
    sys.exit(3)


def check_user_data(text, directory, schema):
    path = os.path.join(directory, "user-data")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    printed = io.StringIO()
    try:
        # It prints schema deprecations itself; the command prints them too.
        with contextlib.redirect_stdout(printed):
            validate_cloudconfig_file(path, schema)
    except (SchemaValidationError, RuntimeError) as e:
        # handle_schema_args reports both as "Error:\n<message>" on stderr.
        return {"ok": False, "output": f"{printed.getvalue()}Error:\n{e}".strip()}
    return {"ok": True, "output": f"{printed.getvalue()}Valid cloud-config: {path}".strip()}


def load_yaml(text):
    try:
        value = yaml.safe_load(text)
        json.dumps(value)  # a date or binary scalar has no JSON form: a verdict, not a crash
        return {"ok": True, "output": "", "value": value}
    except (yaml.YAMLError, TypeError, ValueError) as e:
        return {"ok": False, "output": str(e)}


def render_network_config(text):
    try:
        state = network_state.parse_net_config_data(yaml.safe_load(text))
        return {"ok": True, "output": eni.Renderer()._render_interfaces(state)}
    except Exception as e:  # any parser failure is the verdict on this document
        return {"ok": False, "output": f"{type(e).__name__}: {e}"}


def main():
    requests = json.load(sys.stdin)
    schema = get_schema()
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="hal-schema-") as directory:
        for request in requests:
            kind, text = request["kind"], request["text"]
            if kind == "user-data":
                verdicts.append(check_user_data(text, directory, schema))
            elif kind == "yaml":
                verdicts.append(load_yaml(text))
            elif kind == "network-config":
                verdicts.append(render_network_config(text))
            else:
                raise ValueError(f"unknown kind {kind!r}")
    json.dump(verdicts, sys.stdout)


if __name__ == "__main__":
    main()
