import * as cdktf from 'cdktf';
import { DomainQemuCommandlineArgs,
domainQemuCommandlineArgsToTerraform,
domainQemuCommandlineArgsToHclTerraform,
DomainQemuCommandlineArgsList } from './structs2400'
export interface DomainQemuCommandlineEnvs {
  /**
  * Sets the environment variable name passed to QEMU, such as `QEMU_AUDIO_DRV`.
  * 
  * See: <https://libvirt.org/kbase/qemu-passthrough-security.html#xml-document-additions>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the optional value for the named QEMU environment variable; if omitted, the variable is declared without an explicit value.
  * 
  * See: <https://libvirt.org/kbase/qemu-passthrough-security.html#xml-document-additions>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value?: string;
}

export function domainQemuCommandlineEnvsToTerraform(struct?: DomainQemuCommandlineEnvs | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainQemuCommandlineEnvsToHclTerraform(struct?: DomainQemuCommandlineEnvs | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuCommandlineEnvsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainQemuCommandlineEnvs | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuCommandlineEnvs | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: true, required: false
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  public resetValue() {
    this._value = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainQemuCommandlineEnvsList extends cdktf.ComplexList {
  public internalValue? : DomainQemuCommandlineEnvs[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainQemuCommandlineEnvsOutputReference {
    return new DomainQemuCommandlineEnvsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainQemuCommandline {
  /**
  * Lists additional QEMU command-line arguments to append in order; each item represents one argument token rather than a shell-joined string.
  * 
  * See: <https://libvirt.org/kbase/qemu-passthrough-security.html#xml-document-additions>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#args Domain#args}
  */
  readonly args?: DomainQemuCommandlineArgs[] | cdktf.IResolvable;
  /**
  * Lists environment variables to expose to the QEMU process when starting the domain.
  * 
  * See: <https://libvirt.org/kbase/qemu-passthrough-security.html#xml-document-additions>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#envs Domain#envs}
  */
  readonly envs?: DomainQemuCommandlineEnvs[] | cdktf.IResolvable;
}

export function domainQemuCommandlineToTerraform(struct?: DomainQemuCommandline | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    args: cdktf.listMapper(domainQemuCommandlineArgsToTerraform, false)(struct!.args),
    envs: cdktf.listMapper(domainQemuCommandlineEnvsToTerraform, false)(struct!.envs),
  }
}


export function domainQemuCommandlineToHclTerraform(struct?: DomainQemuCommandline | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    args: {
      value: cdktf.listMapperHcl(domainQemuCommandlineArgsToHclTerraform, false)(struct!.args),
      isBlock: true,
      type: "list",
      storageClassType: "DomainQemuCommandlineArgsList",
    },
    envs: {
      value: cdktf.listMapperHcl(domainQemuCommandlineEnvsToHclTerraform, false)(struct!.envs),
      isBlock: true,
      type: "list",
      storageClassType: "DomainQemuCommandlineEnvsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuCommandlineOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainQemuCommandline | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._args?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.args = this._args?.internalValue;
    }
    if (this._envs?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.envs = this._envs?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuCommandline | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._args.internalValue = undefined;
      this._envs.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._args.internalValue = value.args;
      this._envs.internalValue = value.envs;
    }
  }

  // args - computed: false, optional: true, required: false
  private _args = new DomainQemuCommandlineArgsList(this, "args", false);
  public get args() {
    return this._args;
  }
  public putArgs(value: DomainQemuCommandlineArgs[] | cdktf.IResolvable) {
    this._args.internalValue = value;
  }
  public resetArgs() {
    this._args.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get argsInput() {
    return this._args.internalValue;
  }

  // envs - computed: false, optional: true, required: false
  private _envs = new DomainQemuCommandlineEnvsList(this, "envs", false);
  public get envs() {
    return this._envs;
  }
  public putEnvs(value: DomainQemuCommandlineEnvs[] | cdktf.IResolvable) {
    this._envs.internalValue = value;
  }
  public resetEnvs() {
    this._envs.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get envsInput() {
    return this._envs.internalValue;
  }
}
export interface DomainQemuDeprecation {
  /**
  * Sets the deprecation handling mode requested from libvirt for QEMU-specific deprecated behavior.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#behavior Domain#behavior}
  */
  readonly behavior?: string;
}

export function domainQemuDeprecationToTerraform(struct?: DomainQemuDeprecation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    behavior: cdktf.stringToTerraform(struct!.behavior),
  }
}


export function domainQemuDeprecationToHclTerraform(struct?: DomainQemuDeprecation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    behavior: {
      value: cdktf.stringToHclTerraform(struct!.behavior),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuDeprecationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainQemuDeprecation | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._behavior !== undefined) {
      hasAnyValues = true;
      internalValueResult.behavior = this._behavior;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuDeprecation | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._behavior = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._behavior = value.behavior;
    }
  }

  // behavior - computed: false, optional: true, required: false
  private _behavior?: string; 
  public get behavior() {
    return this.getStringAttribute('behavior');
  }
  public set behavior(value: string) {
    this._behavior = value;
  }
  public resetBehavior() {
    this._behavior = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get behaviorInput() {
    return this._behavior;
  }
}
export interface DomainQemuOverrideDevicesFrontendProperties {
  /**
  * Sets the QEMU frontend property name to override.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the optional type hint for the overridden QEMU property value.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#type Domain#type}
  */
  readonly type?: string;
  /**
  * Sets the optional value assigned to the named QEMU frontend property.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value?: string;
}

export function domainQemuOverrideDevicesFrontendPropertiesToTerraform(struct?: DomainQemuOverrideDevicesFrontendProperties | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    name: cdktf.stringToTerraform(struct!.name),
    type: cdktf.stringToTerraform(struct!.type),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainQemuOverrideDevicesFrontendPropertiesToHclTerraform(struct?: DomainQemuOverrideDevicesFrontendProperties | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuOverrideDevicesFrontendPropertiesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainQemuOverrideDevicesFrontendProperties | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuOverrideDevicesFrontendProperties | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._type = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._type = value.type;
      this._value = value.value;
    }
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // type - computed: false, optional: true, required: false
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  public resetType() {
    this._type = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // value - computed: false, optional: true, required: false
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  public resetValue() {
    this._value = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainQemuOverrideDevicesFrontendPropertiesList extends cdktf.ComplexList {
  public internalValue? : DomainQemuOverrideDevicesFrontendProperties[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainQemuOverrideDevicesFrontendPropertiesOutputReference {
    return new DomainQemuOverrideDevicesFrontendPropertiesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainQemuOverrideDevicesFrontend {
  /**
  * Lists individual QEMU frontend properties to override on the selected device.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#properties Domain#properties}
  */
  readonly properties?: DomainQemuOverrideDevicesFrontendProperties[] | cdktf.IResolvable;
}

export function domainQemuOverrideDevicesFrontendToTerraform(struct?: DomainQemuOverrideDevicesFrontend | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    properties: cdktf.listMapper(domainQemuOverrideDevicesFrontendPropertiesToTerraform, false)(struct!.properties),
  }
}


export function domainQemuOverrideDevicesFrontendToHclTerraform(struct?: DomainQemuOverrideDevicesFrontend | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    properties: {
      value: cdktf.listMapperHcl(domainQemuOverrideDevicesFrontendPropertiesToHclTerraform, false)(struct!.properties),
      isBlock: true,
      type: "list",
      storageClassType: "DomainQemuOverrideDevicesFrontendPropertiesList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuOverrideDevicesFrontendOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainQemuOverrideDevicesFrontend | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._properties?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.properties = this._properties?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuOverrideDevicesFrontend | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._properties.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._properties.internalValue = value.properties;
    }
  }

  // properties - computed: false, optional: true, required: false
  private _properties = new DomainQemuOverrideDevicesFrontendPropertiesList(this, "properties", false);
  public get properties() {
    return this._properties;
  }
  public putProperties(value: DomainQemuOverrideDevicesFrontendProperties[] | cdktf.IResolvable) {
    this._properties.internalValue = value;
  }
  public resetProperties() {
    this._properties.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get propertiesInput() {
    return this._properties.internalValue;
  }
}
export interface DomainQemuOverrideDevices {
  /**
  * Sets the libvirt device alias identifying which frontend device the override applies to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#alias Domain#alias}
  */
  readonly alias: string;
  /**
  * Configures frontend property overrides for the selected QEMU device.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#frontend Domain#frontend}
  */
  readonly frontend?: DomainQemuOverrideDevicesFrontend;
}

export function domainQemuOverrideDevicesToTerraform(struct?: DomainQemuOverrideDevices | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    alias: cdktf.stringToTerraform(struct!.alias),
    frontend: domainQemuOverrideDevicesFrontendToTerraform(struct!.frontend),
  }
}


export function domainQemuOverrideDevicesToHclTerraform(struct?: DomainQemuOverrideDevices | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    alias: {
      value: cdktf.stringToHclTerraform(struct!.alias),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    frontend: {
      value: domainQemuOverrideDevicesFrontendToHclTerraform(struct!.frontend),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainQemuOverrideDevicesFrontend",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuOverrideDevicesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainQemuOverrideDevices | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._alias !== undefined) {
      hasAnyValues = true;
      internalValueResult.alias = this._alias;
    }
    if (this._frontend?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.frontend = this._frontend?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuOverrideDevices | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._alias = undefined;
      this._frontend.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._alias = value.alias;
      this._frontend.internalValue = value.frontend;
    }
  }

  // alias - computed: false, optional: false, required: true
  private _alias?: string; 
  public get alias() {
    return this.getStringAttribute('alias');
  }
  public set alias(value: string) {
    this._alias = value;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // frontend - computed: false, optional: true, required: false
  private _frontend = new DomainQemuOverrideDevicesFrontendOutputReference(this, "frontend");
  public get frontend() {
    return this._frontend;
  }
  public putFrontend(value: DomainQemuOverrideDevicesFrontend) {
    this._frontend.internalValue = value;
  }
  public resetFrontend() {
    this._frontend.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get frontendInput() {
    return this._frontend.internalValue;
  }
}

export class DomainQemuOverrideDevicesList extends cdktf.ComplexList {
  public internalValue? : DomainQemuOverrideDevices[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainQemuOverrideDevicesOutputReference {
    return new DomainQemuOverrideDevicesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainQemuOverride {
  /**
  * Lists device-specific QEMU overrides, each matched by device alias and carrying frontend property overrides.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#devices Domain#devices}
  */
  readonly devices?: DomainQemuOverrideDevices[] | cdktf.IResolvable;
}

export function domainQemuOverrideToTerraform(struct?: DomainQemuOverride | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    devices: cdktf.listMapper(domainQemuOverrideDevicesToTerraform, false)(struct!.devices),
  }
}


export function domainQemuOverrideToHclTerraform(struct?: DomainQemuOverride | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    devices: {
      value: cdktf.listMapperHcl(domainQemuOverrideDevicesToHclTerraform, false)(struct!.devices),
      isBlock: true,
      type: "list",
      storageClassType: "DomainQemuOverrideDevicesList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainQemuOverrideOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainQemuOverride | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._devices?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.devices = this._devices?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainQemuOverride | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._devices.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._devices.internalValue = value.devices;
    }
  }

  // devices - computed: false, optional: true, required: false
  private _devices = new DomainQemuOverrideDevicesList(this, "devices", false);
  public get devices() {
    return this._devices;
  }
  public putDevices(value: DomainQemuOverrideDevices[] | cdktf.IResolvable) {
    this._devices.internalValue = value;
  }
  public resetDevices() {
    this._devices.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get devicesInput() {
    return this._devices.internalValue;
  }
}
export interface DomainResourceFibreChannel {
  /**
  * Sets the Fibre Channel VMID (appid) used by SAN/NVMe-FC infrastructure for per-VM QoS, access control, and telemetry; the value is user-provided and must match the storage fabric’s expected VMID format.
  * 
  * See: <https://libvirt.org/formatdomain.html#fibre-channel-vmid>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#app_id Domain#app_id}
  */
  readonly appId: string;
}

export function domainResourceFibreChannelToTerraform(struct?: DomainResourceFibreChannel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    app_id: cdktf.stringToTerraform(struct!.appId),
  }
}


export function domainResourceFibreChannelToHclTerraform(struct?: DomainResourceFibreChannel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    app_id: {
      value: cdktf.stringToHclTerraform(struct!.appId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainResourceFibreChannelOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainResourceFibreChannel | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._appId !== undefined) {
      hasAnyValues = true;
      internalValueResult.appId = this._appId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainResourceFibreChannel | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._appId = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._appId = value.appId;
    }
  }

  // app_id - computed: false, optional: false, required: true
  private _appId?: string; 
  public get appId() {
    return this.getStringAttribute('app_id');
  }
  public set appId(value: string) {
    this._appId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get appIdInput() {
    return this._appId;
  }
}
export interface DomainResource {
  /**
  * Configures the Fibre Channel VMID (appid) used by FC/NVMe-FC storage fabrics for QoS and telemetry associated with this domain.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#fibre_channel Domain#fibre_channel}
  */
  readonly fibreChannel?: DomainResourceFibreChannel;
  /**
  * Sets the resource partition name/path that the hypervisor should place this domain into for host-level resource accounting or control; the value is user-provided and may be a hierarchical partition identifier (for example, "/machine/qemu/production").
  * 
  * See: <https://libvirt.org/formatdomain.html#resource-partitioning>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#partition Domain#partition}
  */
  readonly partition?: string;
}

export function domainResourceToTerraform(struct?: DomainResource | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    fibre_channel: domainResourceFibreChannelToTerraform(struct!.fibreChannel),
    partition: cdktf.stringToTerraform(struct!.partition),
  }
}


export function domainResourceToHclTerraform(struct?: DomainResource | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    fibre_channel: {
      value: domainResourceFibreChannelToHclTerraform(struct!.fibreChannel),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainResourceFibreChannel",
    },
    partition: {
      value: cdktf.stringToHclTerraform(struct!.partition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainResourceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainResource | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._fibreChannel?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.fibreChannel = this._fibreChannel?.internalValue;
    }
    if (this._partition !== undefined) {
      hasAnyValues = true;
      internalValueResult.partition = this._partition;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainResource | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._fibreChannel.internalValue = undefined;
      this._partition = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._fibreChannel.internalValue = value.fibreChannel;
      this._partition = value.partition;
    }
  }

  // fibre_channel - computed: false, optional: true, required: false
  private _fibreChannel = new DomainResourceFibreChannelOutputReference(this, "fibre_channel");
  public get fibreChannel() {
    return this._fibreChannel;
  }
  public putFibreChannel(value: DomainResourceFibreChannel) {
    this._fibreChannel.internalValue = value;
  }
  public resetFibreChannel() {
    this._fibreChannel.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fibreChannelInput() {
    return this._fibreChannel.internalValue;
  }

  // partition - computed: false, optional: true, required: false
  private _partition?: string; 
  public get partition() {
    return this.getStringAttribute('partition');
  }
  public set partition(value: string) {
    this._partition = value;
  }
  public resetPartition() {
    this._partition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionInput() {
    return this._partition;
  }
}
export interface DomainSecLabel {
  /**
  * Sets the base label template that libvirt may use as a starting point when generating dynamic security labels for the domain; the value is user-provided (for example, "system_u:system_r:svirt_t:s0").
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#base_label Domain#base_label}
  */
  readonly baseLabel?: string;
  /**
  * Sets the security label that should be applied to guest image files associated with this domain; the value is user-provided and must be compatible with the selected security model.
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#image_label Domain#image_label}
  */
  readonly imageLabel?: string;
  /**
  * Sets the domain’s own security label (for example SELinux or DAC label) when using static or explicit labeling; the value is user-provided and must be valid for the chosen security driver.
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#label Domain#label}
  */
  readonly label?: string;
  /**
  * Selects which security driver/model to use for labeling this domain, typically "selinux" or "dac"; other values are driver-specific and must match a security driver enabled on the host.
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#model Domain#model}
  */
  readonly model?: string;
  /**
  * Controls whether libvirt is allowed to change labels on associated resources at start time, using yes/no string values ("yes" to relabel resources automatically, "no" to leave existing labels unchanged).
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#relabel Domain#relabel}
  */
  readonly relabel?: string;
  /**
  * Sets the seclabel mode, typically "dynamic", "static", or "none", which determines whether libvirt auto-generates labels, uses explicitly provided labels, or disables security labeling for this domain.
  * 
  * See: <https://libvirt.org/formatdomain.html#security-label>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#type Domain#type}
  */
  readonly type?: string;
}

export function domainSecLabelToTerraform(struct?: DomainSecLabel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    base_label: cdktf.stringToTerraform(struct!.baseLabel),
    image_label: cdktf.stringToTerraform(struct!.imageLabel),
    label: cdktf.stringToTerraform(struct!.label),
    model: cdktf.stringToTerraform(struct!.model),
    relabel: cdktf.stringToTerraform(struct!.relabel),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function domainSecLabelToHclTerraform(struct?: DomainSecLabel | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    base_label: {
      value: cdktf.stringToHclTerraform(struct!.baseLabel),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    image_label: {
      value: cdktf.stringToHclTerraform(struct!.imageLabel),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    label: {
      value: cdktf.stringToHclTerraform(struct!.label),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    model: {
      value: cdktf.stringToHclTerraform(struct!.model),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    relabel: {
      value: cdktf.stringToHclTerraform(struct!.relabel),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSecLabelOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSecLabel | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._baseLabel !== undefined) {
      hasAnyValues = true;
      internalValueResult.baseLabel = this._baseLabel;
    }
    if (this._imageLabel !== undefined) {
      hasAnyValues = true;
      internalValueResult.imageLabel = this._imageLabel;
    }
    if (this._label !== undefined) {
      hasAnyValues = true;
      internalValueResult.label = this._label;
    }
    if (this._model !== undefined) {
      hasAnyValues = true;
      internalValueResult.model = this._model;
    }
    if (this._relabel !== undefined) {
      hasAnyValues = true;
      internalValueResult.relabel = this._relabel;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSecLabel | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._baseLabel = undefined;
      this._imageLabel = undefined;
      this._label = undefined;
      this._model = undefined;
      this._relabel = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._baseLabel = value.baseLabel;
      this._imageLabel = value.imageLabel;
      this._label = value.label;
      this._model = value.model;
      this._relabel = value.relabel;
      this._type = value.type;
    }
  }

  // base_label - computed: false, optional: true, required: false
  private _baseLabel?: string; 
  public get baseLabel() {
    return this.getStringAttribute('base_label');
  }
  public set baseLabel(value: string) {
    this._baseLabel = value;
  }
  public resetBaseLabel() {
    this._baseLabel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get baseLabelInput() {
    return this._baseLabel;
  }

  // image_label - computed: false, optional: true, required: false
  private _imageLabel?: string; 
  public get imageLabel() {
    return this.getStringAttribute('image_label');
  }
  public set imageLabel(value: string) {
    this._imageLabel = value;
  }
  public resetImageLabel() {
    this._imageLabel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageLabelInput() {
    return this._imageLabel;
  }

  // label - computed: false, optional: true, required: false
  private _label?: string; 
  public get label() {
    return this.getStringAttribute('label');
  }
  public set label(value: string) {
    this._label = value;
  }
  public resetLabel() {
    this._label = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelInput() {
    return this._label;
  }

  // model - computed: false, optional: true, required: false
  private _model?: string; 
  public get model() {
    return this.getStringAttribute('model');
  }
  public set model(value: string) {
    this._model = value;
  }
  public resetModel() {
    this._model = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modelInput() {
    return this._model;
  }

  // relabel - computed: false, optional: true, required: false
  private _relabel?: string; 
  public get relabel() {
    return this.getStringAttribute('relabel');
  }
  public set relabel(value: string) {
    this._relabel = value;
  }
  public resetRelabel() {
    this._relabel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get relabelInput() {
    return this._relabel;
  }

  // type - computed: false, optional: true, required: false
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  public resetType() {
    this._type = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class DomainSecLabelList extends cdktf.ComplexList {
  public internalValue? : DomainSecLabel[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSecLabelOutputReference {
    return new DomainSecLabelOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoFwCfgEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoFwCfgEntryToTerraform(struct?: DomainSysInfoFwCfgEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoFwCfgEntryToHclTerraform(struct?: DomainSysInfoFwCfgEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoFwCfgEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoFwCfgEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoFwCfgEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoFwCfgEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoFwCfgEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoFwCfgEntryOutputReference {
    return new DomainSysInfoFwCfgEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoFwCfg {
  /**
  * Defines a single fw_cfg item to expose to the guest firmware, either as an inlined value or as data loaded from a file.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoFwCfgEntry[] | cdktf.IResolvable;
}

export function domainSysInfoFwCfgToTerraform(struct?: DomainSysInfoFwCfg | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoFwCfgEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoFwCfgToHclTerraform(struct?: DomainSysInfoFwCfg | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoFwCfgEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoFwCfgEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoFwCfgOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoFwCfg | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoFwCfg | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoFwCfgEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoFwCfgEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}
export interface DomainSysInfoSmbiosBaseBoardEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosBaseBoardEntryToTerraform(struct?: DomainSysInfoSmbiosBaseBoardEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosBaseBoardEntryToHclTerraform(struct?: DomainSysInfoSmbiosBaseBoardEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosBaseBoardEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosBaseBoardEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosBaseBoardEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosBaseBoardEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosBaseBoardEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosBaseBoardEntryOutputReference {
    return new DomainSysInfoSmbiosBaseBoardEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosBaseBoard {
  /**
  * Defines one SMBIOS base board field/value pair (for example, product name or serial) that will be visible to the guest via tools like dmidecode.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosBaseBoardEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosBaseBoardToTerraform(struct?: DomainSysInfoSmbiosBaseBoard | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosBaseBoardEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosBaseBoardToHclTerraform(struct?: DomainSysInfoSmbiosBaseBoard | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosBaseBoardEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosBaseBoardEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosBaseBoardOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosBaseBoard | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosBaseBoard | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosBaseBoardEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosBaseBoardEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}

export class DomainSysInfoSmbiosBaseBoardList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosBaseBoard[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosBaseBoardOutputReference {
    return new DomainSysInfoSmbiosBaseBoardOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosBiosEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosBiosEntryToTerraform(struct?: DomainSysInfoSmbiosBiosEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosBiosEntryToHclTerraform(struct?: DomainSysInfoSmbiosBiosEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosBiosEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosBiosEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosBiosEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosBiosEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosBiosEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosBiosEntryOutputReference {
    return new DomainSysInfoSmbiosBiosEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosBios {
  /**
  * Defines a single SMBIOS BIOS field override, identified by its required name and either an inline value or a file containing the value.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosBiosEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosBiosToTerraform(struct?: DomainSysInfoSmbiosBios | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosBiosEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosBiosToHclTerraform(struct?: DomainSysInfoSmbiosBios | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosBiosEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosBiosEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosBiosOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoSmbiosBios | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosBios | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosBiosEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosBiosEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}
export interface DomainSysInfoSmbiosChassisEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosChassisEntryToTerraform(struct?: DomainSysInfoSmbiosChassisEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosChassisEntryToHclTerraform(struct?: DomainSysInfoSmbiosChassisEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosChassisEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosChassisEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosChassisEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosChassisEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosChassisEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosChassisEntryOutputReference {
    return new DomainSysInfoSmbiosChassisEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosChassis {
  /**
  * Defines a single SMBIOS chassis field override, identified by its required name and supplied via an inline value or a file.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosChassisEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosChassisToTerraform(struct?: DomainSysInfoSmbiosChassis | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosChassisEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosChassisToHclTerraform(struct?: DomainSysInfoSmbiosChassis | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosChassisEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosChassisEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosChassisOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoSmbiosChassis | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosChassis | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosChassisEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosChassisEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}
export interface DomainSysInfoSmbiosMemoryEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosMemoryEntryToTerraform(struct?: DomainSysInfoSmbiosMemoryEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosMemoryEntryToHclTerraform(struct?: DomainSysInfoSmbiosMemoryEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosMemoryEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosMemoryEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosMemoryEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosMemoryEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosMemoryEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosMemoryEntryOutputReference {
    return new DomainSysInfoSmbiosMemoryEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosMemory {
  /**
  * Defines a single SMBIOS memory information field override, identified by its required name and provided via value or file.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosMemoryEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosMemoryToTerraform(struct?: DomainSysInfoSmbiosMemory | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosMemoryEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosMemoryToHclTerraform(struct?: DomainSysInfoSmbiosMemory | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosMemoryEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosMemoryEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosMemoryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosMemory | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosMemory | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosMemoryEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosMemoryEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}

export class DomainSysInfoSmbiosMemoryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosMemory[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosMemoryOutputReference {
    return new DomainSysInfoSmbiosMemoryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosOemStrings {
  /**
  * Defines a single OEM string entry, each being an arbitrary user-provided string (for example, "Cluster=prod" or "Owner=teamX").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: string[];
}

export function domainSysInfoSmbiosOemStringsToTerraform(struct?: DomainSysInfoSmbiosOemStrings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosOemStringsToHclTerraform(struct?: DomainSysInfoSmbiosOemStrings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.entry),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosOemStringsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoSmbiosOemStrings | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosOemStrings | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry?: string[]; 
  public get entry() {
    return this.getListAttribute('entry');
  }
  public set entry(value: string[]) {
    this._entry = value;
  }
  public resetEntry() {
    this._entry = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry;
  }
}
export interface DomainSysInfoSmbiosProcessorEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosProcessorEntryToTerraform(struct?: DomainSysInfoSmbiosProcessorEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosProcessorEntryToHclTerraform(struct?: DomainSysInfoSmbiosProcessorEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosProcessorEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosProcessorEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosProcessorEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosProcessorEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosProcessorEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosProcessorEntryOutputReference {
    return new DomainSysInfoSmbiosProcessorEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosProcessor {
  /**
  * Defines a single SMBIOS processor field override, identified by its required name and a user-provided value or file-backed value (for example, customizing processor version or manufacturer).
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosProcessorEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosProcessorToTerraform(struct?: DomainSysInfoSmbiosProcessor | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosProcessorEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosProcessorToHclTerraform(struct?: DomainSysInfoSmbiosProcessor | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosProcessorEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosProcessorEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosProcessorOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosProcessor | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosProcessor | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosProcessorEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosProcessorEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}

export class DomainSysInfoSmbiosProcessorList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosProcessor[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosProcessorOutputReference {
    return new DomainSysInfoSmbiosProcessorOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosSystemEntry {
  /**
  * Sets the host file path whose contents should be provided to the guest via this fw_cfg entry instead of an inline value; the path is user-provided and must be readable by the hypervisor.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#file Domain#file}
  */
  readonly file?: string;
  /**
  * Sets the fw_cfg key name used to identify this entry to the guest/firmware; the string is user-provided and typically follows firmware-expected naming (for example, "opt/org.example/config").
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#name Domain#name}
  */
  readonly name: string;
  /**
  * Sets the literal string value for this fw_cfg entry when no file is specified, providing small configuration blobs directly to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainSysInfoSmbiosSystemEntryToTerraform(struct?: DomainSysInfoSmbiosSystemEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    file: cdktf.stringToTerraform(struct!.file),
    name: cdktf.stringToTerraform(struct!.name),
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainSysInfoSmbiosSystemEntryToHclTerraform(struct?: DomainSysInfoSmbiosSystemEntry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    file: {
      value: cdktf.stringToHclTerraform(struct!.file),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosSystemEntryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfoSmbiosSystemEntry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._file !== undefined) {
      hasAnyValues = true;
      internalValueResult.file = this._file;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosSystemEntry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._file = undefined;
      this._name = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._file = value.file;
      this._name = value.name;
      this._value = value.value;
    }
  }

  // file - computed: false, optional: true, required: false
  private _file?: string; 
  public get file() {
    return this.getStringAttribute('file');
  }
  public set file(value: string) {
    this._file = value;
  }
  public resetFile() {
    this._file = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileInput() {
    return this._file;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainSysInfoSmbiosSystemEntryList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfoSmbiosSystemEntry[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoSmbiosSystemEntryOutputReference {
    return new DomainSysInfoSmbiosSystemEntryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainSysInfoSmbiosSystem {
  /**
  * Defines one custom SMBIOS “system” field entry; each entry specifies a field `name` and either an inline `value` or a `file` to read the value from.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#entry Domain#entry}
  */
  readonly entry?: DomainSysInfoSmbiosSystemEntry[] | cdktf.IResolvable;
}

export function domainSysInfoSmbiosSystemToTerraform(struct?: DomainSysInfoSmbiosSystem | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    entry: cdktf.listMapper(domainSysInfoSmbiosSystemEntryToTerraform, false)(struct!.entry),
  }
}


export function domainSysInfoSmbiosSystemToHclTerraform(struct?: DomainSysInfoSmbiosSystem | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    entry: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosSystemEntryToHclTerraform, false)(struct!.entry),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosSystemEntryList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosSystemOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoSmbiosSystem | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._entry?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.entry = this._entry?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbiosSystem | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._entry.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._entry.internalValue = value.entry;
    }
  }

  // entry - computed: false, optional: true, required: false
  private _entry = new DomainSysInfoSmbiosSystemEntryList(this, "entry", false);
  public get entry() {
    return this._entry;
  }
  public putEntry(value: DomainSysInfoSmbiosSystemEntry[] | cdktf.IResolvable) {
    this._entry.internalValue = value;
  }
  public resetEntry() {
    this._entry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryInput() {
    return this._entry.internalValue;
  }
}
export interface DomainSysInfoSmbios {
  /**
  * Configures the SMBIOS base board (motherboard) section, allowing customization of board-level fields presented to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#base_board Domain#base_board}
  */
  readonly baseBoard?: DomainSysInfoSmbiosBaseBoard[] | cdktf.IResolvable;
  /**
  * Configures the SMBIOS BIOS information block, enabling you to override individual BIOS-related fields exposed to the guest.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#bios Domain#bios}
  */
  readonly bios?: DomainSysInfoSmbiosBios;
  /**
  * Configures the SMBIOS chassis information block, allowing overrides for how the guest sees chassis-related system information.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#chassis Domain#chassis}
  */
  readonly chassis?: DomainSysInfoSmbiosChassis;
  /**
  * Configures the SMBIOS memory information block, allowing customized memory-related fields to be exposed to the guest.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#memory Domain#memory}
  */
  readonly memory?: DomainSysInfoSmbiosMemory[] | cdktf.IResolvable;
  /**
  * Configures the SMBIOS OEM strings block, allowing arbitrary vendor-specific strings to be presented to the guest.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#oem_strings Domain#oem_strings}
  */
  readonly oemStrings?: DomainSysInfoSmbiosOemStrings;
  /**
  * Configures the SMBIOS processor information block, enabling overrides of CPU-related identification fields.
  * 
  * See: <https://libvirt.org/formatdomain.html#smbios-system-information>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#processor Domain#processor}
  */
  readonly processor?: DomainSysInfoSmbiosProcessor[] | cdktf.IResolvable;
  /**
  * Enables configuration of custom SMBIOS “system” table fields presented to the guest, such as product name, version, serial, and UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#system Domain#system}
  */
  readonly systemAttribute?: DomainSysInfoSmbiosSystem;
}

export function domainSysInfoSmbiosToTerraform(struct?: DomainSysInfoSmbios | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    base_board: cdktf.listMapper(domainSysInfoSmbiosBaseBoardToTerraform, false)(struct!.baseBoard),
    bios: domainSysInfoSmbiosBiosToTerraform(struct!.bios),
    chassis: domainSysInfoSmbiosChassisToTerraform(struct!.chassis),
    memory: cdktf.listMapper(domainSysInfoSmbiosMemoryToTerraform, false)(struct!.memory),
    oem_strings: domainSysInfoSmbiosOemStringsToTerraform(struct!.oemStrings),
    processor: cdktf.listMapper(domainSysInfoSmbiosProcessorToTerraform, false)(struct!.processor),
    system: domainSysInfoSmbiosSystemToTerraform(struct!.systemAttribute),
  }
}


export function domainSysInfoSmbiosToHclTerraform(struct?: DomainSysInfoSmbios | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    base_board: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosBaseBoardToHclTerraform, false)(struct!.baseBoard),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosBaseBoardList",
    },
    bios: {
      value: domainSysInfoSmbiosBiosToHclTerraform(struct!.bios),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoSmbiosBios",
    },
    chassis: {
      value: domainSysInfoSmbiosChassisToHclTerraform(struct!.chassis),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoSmbiosChassis",
    },
    memory: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosMemoryToHclTerraform, false)(struct!.memory),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosMemoryList",
    },
    oem_strings: {
      value: domainSysInfoSmbiosOemStringsToHclTerraform(struct!.oemStrings),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoSmbiosOemStrings",
    },
    processor: {
      value: cdktf.listMapperHcl(domainSysInfoSmbiosProcessorToHclTerraform, false)(struct!.processor),
      isBlock: true,
      type: "list",
      storageClassType: "DomainSysInfoSmbiosProcessorList",
    },
    system: {
      value: domainSysInfoSmbiosSystemToHclTerraform(struct!.systemAttribute),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoSmbiosSystem",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoSmbiosOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainSysInfoSmbios | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._baseBoard?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.baseBoard = this._baseBoard?.internalValue;
    }
    if (this._bios?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.bios = this._bios?.internalValue;
    }
    if (this._chassis?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.chassis = this._chassis?.internalValue;
    }
    if (this._memory?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.memory = this._memory?.internalValue;
    }
    if (this._oemStrings?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.oemStrings = this._oemStrings?.internalValue;
    }
    if (this._processor?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.processor = this._processor?.internalValue;
    }
    if (this._system?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.systemAttribute = this._system?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfoSmbios | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._baseBoard.internalValue = undefined;
      this._bios.internalValue = undefined;
      this._chassis.internalValue = undefined;
      this._memory.internalValue = undefined;
      this._oemStrings.internalValue = undefined;
      this._processor.internalValue = undefined;
      this._system.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._baseBoard.internalValue = value.baseBoard;
      this._bios.internalValue = value.bios;
      this._chassis.internalValue = value.chassis;
      this._memory.internalValue = value.memory;
      this._oemStrings.internalValue = value.oemStrings;
      this._processor.internalValue = value.processor;
      this._system.internalValue = value.systemAttribute;
    }
  }

  // base_board - computed: false, optional: true, required: false
  private _baseBoard = new DomainSysInfoSmbiosBaseBoardList(this, "base_board", false);
  public get baseBoard() {
    return this._baseBoard;
  }
  public putBaseBoard(value: DomainSysInfoSmbiosBaseBoard[] | cdktf.IResolvable) {
    this._baseBoard.internalValue = value;
  }
  public resetBaseBoard() {
    this._baseBoard.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get baseBoardInput() {
    return this._baseBoard.internalValue;
  }

  // bios - computed: false, optional: true, required: false
  private _bios = new DomainSysInfoSmbiosBiosOutputReference(this, "bios");
  public get bios() {
    return this._bios;
  }
  public putBios(value: DomainSysInfoSmbiosBios) {
    this._bios.internalValue = value;
  }
  public resetBios() {
    this._bios.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get biosInput() {
    return this._bios.internalValue;
  }

  // chassis - computed: false, optional: true, required: false
  private _chassis = new DomainSysInfoSmbiosChassisOutputReference(this, "chassis");
  public get chassis() {
    return this._chassis;
  }
  public putChassis(value: DomainSysInfoSmbiosChassis) {
    this._chassis.internalValue = value;
  }
  public resetChassis() {
    this._chassis.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get chassisInput() {
    return this._chassis.internalValue;
  }

  // memory - computed: false, optional: true, required: false
  private _memory = new DomainSysInfoSmbiosMemoryList(this, "memory", false);
  public get memory() {
    return this._memory;
  }
  public putMemory(value: DomainSysInfoSmbiosMemory[] | cdktf.IResolvable) {
    this._memory.internalValue = value;
  }
  public resetMemory() {
    this._memory.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory.internalValue;
  }

  // oem_strings - computed: false, optional: true, required: false
  private _oemStrings = new DomainSysInfoSmbiosOemStringsOutputReference(this, "oem_strings");
  public get oemStrings() {
    return this._oemStrings;
  }
  public putOemStrings(value: DomainSysInfoSmbiosOemStrings) {
    this._oemStrings.internalValue = value;
  }
  public resetOemStrings() {
    this._oemStrings.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get oemStringsInput() {
    return this._oemStrings.internalValue;
  }

  // processor - computed: false, optional: true, required: false
  private _processor = new DomainSysInfoSmbiosProcessorList(this, "processor", false);
  public get processor() {
    return this._processor;
  }
  public putProcessor(value: DomainSysInfoSmbiosProcessor[] | cdktf.IResolvable) {
    this._processor.internalValue = value;
  }
  public resetProcessor() {
    this._processor.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get processorInput() {
    return this._processor.internalValue;
  }

  // system - computed: false, optional: true, required: false
  private _system = new DomainSysInfoSmbiosSystemOutputReference(this, "system");
  public get systemAttribute() {
    return this._system;
  }
  public putSystemAttribute(value: DomainSysInfoSmbiosSystem) {
    this._system.internalValue = value;
  }
  public resetSystemAttribute() {
    this._system.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemAttributeInput() {
    return this._system.internalValue;
  }
}
export interface DomainSysInfo {
  /**
  * Configures a set of fw_cfg entries that firmware or the guest can read, used to inject arbitrary configuration data or files into the guest at boot.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#fw_cfg Domain#fw_cfg}
  */
  readonly fwCfg?: DomainSysInfoFwCfg;
  /**
  * Configures SMBIOS-related system information blocks that the hypervisor exposes to the guest (system, base board, chassis, etc.).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#smbios Domain#smbios}
  */
  readonly smbios?: DomainSysInfoSmbios;
}

export function domainSysInfoToTerraform(struct?: DomainSysInfo | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    fw_cfg: domainSysInfoFwCfgToTerraform(struct!.fwCfg),
    smbios: domainSysInfoSmbiosToTerraform(struct!.smbios),
  }
}


export function domainSysInfoToHclTerraform(struct?: DomainSysInfo | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    fw_cfg: {
      value: domainSysInfoFwCfgToHclTerraform(struct!.fwCfg),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoFwCfg",
    },
    smbios: {
      value: domainSysInfoSmbiosToHclTerraform(struct!.smbios),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainSysInfoSmbios",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainSysInfoOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainSysInfo | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._fwCfg?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.fwCfg = this._fwCfg?.internalValue;
    }
    if (this._smbios?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.smbios = this._smbios?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainSysInfo | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._fwCfg.internalValue = undefined;
      this._smbios.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._fwCfg.internalValue = value.fwCfg;
      this._smbios.internalValue = value.smbios;
    }
  }

  // fw_cfg - computed: false, optional: true, required: false
  private _fwCfg = new DomainSysInfoFwCfgOutputReference(this, "fw_cfg");
  public get fwCfg() {
    return this._fwCfg;
  }
  public putFwCfg(value: DomainSysInfoFwCfg) {
    this._fwCfg.internalValue = value;
  }
  public resetFwCfg() {
    this._fwCfg.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fwCfgInput() {
    return this._fwCfg.internalValue;
  }

  // smbios - computed: false, optional: true, required: false
  private _smbios = new DomainSysInfoSmbiosOutputReference(this, "smbios");
  public get smbios() {
    return this._smbios;
  }
  public putSmbios(value: DomainSysInfoSmbios) {
    this._smbios.internalValue = value;
  }
  public resetSmbios() {
    this._smbios.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get smbiosInput() {
    return this._smbios.internalValue;
  }
}

export class DomainSysInfoList extends cdktf.ComplexList {
  public internalValue? : DomainSysInfo[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainSysInfoOutputReference {
    return new DomainSysInfoOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainThrottleGroupsThrottleGroups {
  /**
  * Sets the unique name of this throttle group, which must match the `group_name` used by disk `throttlefilters` to attach a disk to the group; the name string is user-provided.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#group_name Domain#group_name}
  */
  readonly groupName?: string;
  /**
  * Sets the sustained read bandwidth limit for the group in bytes per second; value is a non-negative integer, for example `10485760` for 10 MiB/s.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_bytes_sec Domain#read_bytes_sec}
  */
  readonly readBytesSec?: number;
  /**
  * Sets the maximum burst read bandwidth limit for the group in bytes per second; value is a non-negative integer and is used together with `read_bytes_sec_max_length`.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_bytes_sec_max Domain#read_bytes_sec_max}
  */
  readonly readBytesSecMax?: number;
  /**
  * Sets the time window in seconds over which the `read_bytes_sec_max` burst limit applies; value is a non-negative integer number of seconds.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_bytes_sec_max_length Domain#read_bytes_sec_max_length}
  */
  readonly readBytesSecMaxLength?: number;
  /**
  * Sets the sustained read IOPS limit for the group; value is a non-negative integer specifying maximum read operations per second.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_iops_sec Domain#read_iops_sec}
  */
  readonly readIopsSec?: number;
  /**
  * Sets the maximum burst read IOPS limit for the group; value is a non-negative integer and is used together with `read_iops_sec_max_length`.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_iops_sec_max Domain#read_iops_sec_max}
  */
  readonly readIopsSecMax?: number;
  /**
  * Sets the time window in seconds over which the `read_iops_sec_max` burst IOPS limit applies; value is a non-negative integer number of seconds.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#read_iops_sec_max_length Domain#read_iops_sec_max_length}
  */
  readonly readIopsSecMaxLength?: number;
  /**
  * Sets the I/O size in bytes used when converting between size-based and operation-based limits for this group; value is a positive integer, typically a block size such as `4096`.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#size_iops_sec Domain#size_iops_sec}
  */
  readonly sizeIopsSec?: number;
  /**
  * Sets the sustained aggregate bandwidth limit (read + write) for the group in bytes per second; value is a non-negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_bytes_sec Domain#total_bytes_sec}
  */
  readonly totalBytesSec?: number;
  /**
  * Sets the maximum burst aggregate bandwidth limit (read + write) for the group in bytes per second; value is a non-negative integer and is typically paired with a corresponding `*_max_length` window.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_bytes_sec_max Domain#total_bytes_sec_max}
  */
  readonly totalBytesSecMax?: number;
  /**
  * Sets the I/O burst length, in bytes, over which the total_bytes_sec_max limit is measured for the throttle group; the value is user-provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_bytes_sec_max_length Domain#total_bytes_sec_max_length}
  */
  readonly totalBytesSecMaxLength?: number;
  /**
  * Sets the steady‑state limit on the total number of I/O operations per second (reads + writes) allowed for disks in this throttle group; the value is user‑provided and must be a non‑negative integer (IOPS).
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_iops_sec Domain#total_iops_sec}
  */
  readonly totalIopsSec?: number;
  /**
  * Sets the maximum burst IOPS limit (reads + writes) for the throttle group, above the steady total_iops_sec value; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_iops_sec_max Domain#total_iops_sec_max}
  */
  readonly totalIopsSecMax?: number;
  /**
  * Sets the I/O burst length, in number of requests, over which the total_iops_sec_max limit is measured for the throttle group; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#total_iops_sec_max_length Domain#total_iops_sec_max_length}
  */
  readonly totalIopsSecMaxLength?: number;
  /**
  * Sets the steady‑state limit on write throughput in bytes per second for disks in this throttle group; the value is user‑provided and must be a non‑negative integer (e.g. 104857600 for 100 MiB/s).
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_bytes_sec Domain#write_bytes_sec}
  */
  readonly writeBytesSec?: number;
  /**
  * Sets the maximum burst write throughput in bytes per second for the throttle group, above the steady write_bytes_sec limit; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_bytes_sec_max Domain#write_bytes_sec_max}
  */
  readonly writeBytesSecMax?: number;
  /**
  * Sets the I/O burst length, in bytes, over which the write_bytes_sec_max limit is measured for the throttle group; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_bytes_sec_max_length Domain#write_bytes_sec_max_length}
  */
  readonly writeBytesSecMaxLength?: number;
  /**
  * Sets the steady‑state limit on write IOPS for disks in this throttle group; the value is user‑provided and must be a non‑negative integer (number of write requests per second).
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_iops_sec Domain#write_iops_sec}
  */
  readonly writeIopsSec?: number;
  /**
  * Sets the maximum burst write IOPS limit for the throttle group, above the steady write_iops_sec value; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_iops_sec_max Domain#write_iops_sec_max}
  */
  readonly writeIopsSecMax?: number;
  /**
  * Sets the I/O burst length, in number of write requests, over which the write_iops_sec_max limit is measured for the throttle group; the value is user‑provided and must be a non‑negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#write_iops_sec_max_length Domain#write_iops_sec_max_length}
  */
  readonly writeIopsSecMaxLength?: number;
}

export function domainThrottleGroupsThrottleGroupsToTerraform(struct?: DomainThrottleGroupsThrottleGroups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    group_name: cdktf.stringToTerraform(struct!.groupName),
    read_bytes_sec: cdktf.numberToTerraform(struct!.readBytesSec),
    read_bytes_sec_max: cdktf.numberToTerraform(struct!.readBytesSecMax),
    read_bytes_sec_max_length: cdktf.numberToTerraform(struct!.readBytesSecMaxLength),
    read_iops_sec: cdktf.numberToTerraform(struct!.readIopsSec),
    read_iops_sec_max: cdktf.numberToTerraform(struct!.readIopsSecMax),
    read_iops_sec_max_length: cdktf.numberToTerraform(struct!.readIopsSecMaxLength),
    size_iops_sec: cdktf.numberToTerraform(struct!.sizeIopsSec),
    total_bytes_sec: cdktf.numberToTerraform(struct!.totalBytesSec),
    total_bytes_sec_max: cdktf.numberToTerraform(struct!.totalBytesSecMax),
    total_bytes_sec_max_length: cdktf.numberToTerraform(struct!.totalBytesSecMaxLength),
    total_iops_sec: cdktf.numberToTerraform(struct!.totalIopsSec),
    total_iops_sec_max: cdktf.numberToTerraform(struct!.totalIopsSecMax),
    total_iops_sec_max_length: cdktf.numberToTerraform(struct!.totalIopsSecMaxLength),
    write_bytes_sec: cdktf.numberToTerraform(struct!.writeBytesSec),
    write_bytes_sec_max: cdktf.numberToTerraform(struct!.writeBytesSecMax),
    write_bytes_sec_max_length: cdktf.numberToTerraform(struct!.writeBytesSecMaxLength),
    write_iops_sec: cdktf.numberToTerraform(struct!.writeIopsSec),
    write_iops_sec_max: cdktf.numberToTerraform(struct!.writeIopsSecMax),
    write_iops_sec_max_length: cdktf.numberToTerraform(struct!.writeIopsSecMaxLength),
  }
}


export function domainThrottleGroupsThrottleGroupsToHclTerraform(struct?: DomainThrottleGroupsThrottleGroups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    group_name: {
      value: cdktf.stringToHclTerraform(struct!.groupName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    read_bytes_sec: {
      value: cdktf.numberToHclTerraform(struct!.readBytesSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    read_bytes_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.readBytesSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    read_bytes_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.readBytesSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    read_iops_sec: {
      value: cdktf.numberToHclTerraform(struct!.readIopsSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    read_iops_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.readIopsSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    read_iops_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.readIopsSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    size_iops_sec: {
      value: cdktf.numberToHclTerraform(struct!.sizeIopsSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_bytes_sec: {
      value: cdktf.numberToHclTerraform(struct!.totalBytesSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_bytes_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.totalBytesSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_bytes_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.totalBytesSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_iops_sec: {
      value: cdktf.numberToHclTerraform(struct!.totalIopsSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_iops_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.totalIopsSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    total_iops_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.totalIopsSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_bytes_sec: {
      value: cdktf.numberToHclTerraform(struct!.writeBytesSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_bytes_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.writeBytesSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_bytes_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.writeBytesSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_iops_sec: {
      value: cdktf.numberToHclTerraform(struct!.writeIopsSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_iops_sec_max: {
      value: cdktf.numberToHclTerraform(struct!.writeIopsSecMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    write_iops_sec_max_length: {
      value: cdktf.numberToHclTerraform(struct!.writeIopsSecMaxLength),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainThrottleGroupsThrottleGroupsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainThrottleGroupsThrottleGroups | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._groupName !== undefined) {
      hasAnyValues = true;
      internalValueResult.groupName = this._groupName;
    }
    if (this._readBytesSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.readBytesSec = this._readBytesSec;
    }
    if (this._readBytesSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.readBytesSecMax = this._readBytesSecMax;
    }
    if (this._readBytesSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.readBytesSecMaxLength = this._readBytesSecMaxLength;
    }
    if (this._readIopsSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.readIopsSec = this._readIopsSec;
    }
    if (this._readIopsSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.readIopsSecMax = this._readIopsSecMax;
    }
    if (this._readIopsSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.readIopsSecMaxLength = this._readIopsSecMaxLength;
    }
    if (this._sizeIopsSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.sizeIopsSec = this._sizeIopsSec;
    }
    if (this._totalBytesSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalBytesSec = this._totalBytesSec;
    }
    if (this._totalBytesSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalBytesSecMax = this._totalBytesSecMax;
    }
    if (this._totalBytesSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalBytesSecMaxLength = this._totalBytesSecMaxLength;
    }
    if (this._totalIopsSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalIopsSec = this._totalIopsSec;
    }
    if (this._totalIopsSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalIopsSecMax = this._totalIopsSecMax;
    }
    if (this._totalIopsSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.totalIopsSecMaxLength = this._totalIopsSecMaxLength;
    }
    if (this._writeBytesSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeBytesSec = this._writeBytesSec;
    }
    if (this._writeBytesSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeBytesSecMax = this._writeBytesSecMax;
    }
    if (this._writeBytesSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeBytesSecMaxLength = this._writeBytesSecMaxLength;
    }
    if (this._writeIopsSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeIopsSec = this._writeIopsSec;
    }
    if (this._writeIopsSecMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeIopsSecMax = this._writeIopsSecMax;
    }
    if (this._writeIopsSecMaxLength !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeIopsSecMaxLength = this._writeIopsSecMaxLength;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainThrottleGroupsThrottleGroups | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._groupName = undefined;
      this._readBytesSec = undefined;
      this._readBytesSecMax = undefined;
      this._readBytesSecMaxLength = undefined;
      this._readIopsSec = undefined;
      this._readIopsSecMax = undefined;
      this._readIopsSecMaxLength = undefined;
      this._sizeIopsSec = undefined;
      this._totalBytesSec = undefined;
      this._totalBytesSecMax = undefined;
      this._totalBytesSecMaxLength = undefined;
      this._totalIopsSec = undefined;
      this._totalIopsSecMax = undefined;
      this._totalIopsSecMaxLength = undefined;
      this._writeBytesSec = undefined;
      this._writeBytesSecMax = undefined;
      this._writeBytesSecMaxLength = undefined;
      this._writeIopsSec = undefined;
      this._writeIopsSecMax = undefined;
      this._writeIopsSecMaxLength = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._groupName = value.groupName;
      this._readBytesSec = value.readBytesSec;
      this._readBytesSecMax = value.readBytesSecMax;
      this._readBytesSecMaxLength = value.readBytesSecMaxLength;
      this._readIopsSec = value.readIopsSec;
      this._readIopsSecMax = value.readIopsSecMax;
      this._readIopsSecMaxLength = value.readIopsSecMaxLength;
      this._sizeIopsSec = value.sizeIopsSec;
      this._totalBytesSec = value.totalBytesSec;
      this._totalBytesSecMax = value.totalBytesSecMax;
      this._totalBytesSecMaxLength = value.totalBytesSecMaxLength;
      this._totalIopsSec = value.totalIopsSec;
      this._totalIopsSecMax = value.totalIopsSecMax;
      this._totalIopsSecMaxLength = value.totalIopsSecMaxLength;
      this._writeBytesSec = value.writeBytesSec;
      this._writeBytesSecMax = value.writeBytesSecMax;
      this._writeBytesSecMaxLength = value.writeBytesSecMaxLength;
      this._writeIopsSec = value.writeIopsSec;
      this._writeIopsSecMax = value.writeIopsSecMax;
      this._writeIopsSecMaxLength = value.writeIopsSecMaxLength;
    }
  }

  // group_name - computed: false, optional: true, required: false
  private _groupName?: string; 
  public get groupName() {
    return this.getStringAttribute('group_name');
  }
  public set groupName(value: string) {
    this._groupName = value;
  }
  public resetGroupName() {
    this._groupName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get groupNameInput() {
    return this._groupName;
  }

  // read_bytes_sec - computed: false, optional: true, required: false
  private _readBytesSec?: number; 
  public get readBytesSec() {
    return this.getNumberAttribute('read_bytes_sec');
  }
  public set readBytesSec(value: number) {
    this._readBytesSec = value;
  }
  public resetReadBytesSec() {
    this._readBytesSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readBytesSecInput() {
    return this._readBytesSec;
  }

  // read_bytes_sec_max - computed: false, optional: true, required: false
  private _readBytesSecMax?: number; 
  public get readBytesSecMax() {
    return this.getNumberAttribute('read_bytes_sec_max');
  }
  public set readBytesSecMax(value: number) {
    this._readBytesSecMax = value;
  }
  public resetReadBytesSecMax() {
    this._readBytesSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readBytesSecMaxInput() {
    return this._readBytesSecMax;
  }

  // read_bytes_sec_max_length - computed: false, optional: true, required: false
  private _readBytesSecMaxLength?: number; 
  public get readBytesSecMaxLength() {
    return this.getNumberAttribute('read_bytes_sec_max_length');
  }
  public set readBytesSecMaxLength(value: number) {
    this._readBytesSecMaxLength = value;
  }
  public resetReadBytesSecMaxLength() {
    this._readBytesSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readBytesSecMaxLengthInput() {
    return this._readBytesSecMaxLength;
  }

  // read_iops_sec - computed: false, optional: true, required: false
  private _readIopsSec?: number; 
  public get readIopsSec() {
    return this.getNumberAttribute('read_iops_sec');
  }
  public set readIopsSec(value: number) {
    this._readIopsSec = value;
  }
  public resetReadIopsSec() {
    this._readIopsSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readIopsSecInput() {
    return this._readIopsSec;
  }

  // read_iops_sec_max - computed: false, optional: true, required: false
  private _readIopsSecMax?: number; 
  public get readIopsSecMax() {
    return this.getNumberAttribute('read_iops_sec_max');
  }
  public set readIopsSecMax(value: number) {
    this._readIopsSecMax = value;
  }
  public resetReadIopsSecMax() {
    this._readIopsSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readIopsSecMaxInput() {
    return this._readIopsSecMax;
  }

  // read_iops_sec_max_length - computed: false, optional: true, required: false
  private _readIopsSecMaxLength?: number; 
  public get readIopsSecMaxLength() {
    return this.getNumberAttribute('read_iops_sec_max_length');
  }
  public set readIopsSecMaxLength(value: number) {
    this._readIopsSecMaxLength = value;
  }
  public resetReadIopsSecMaxLength() {
    this._readIopsSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readIopsSecMaxLengthInput() {
    return this._readIopsSecMaxLength;
  }

  // size_iops_sec - computed: false, optional: true, required: false
  private _sizeIopsSec?: number; 
  public get sizeIopsSec() {
    return this.getNumberAttribute('size_iops_sec');
  }
  public set sizeIopsSec(value: number) {
    this._sizeIopsSec = value;
  }
  public resetSizeIopsSec() {
    this._sizeIopsSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeIopsSecInput() {
    return this._sizeIopsSec;
  }

  // total_bytes_sec - computed: false, optional: true, required: false
  private _totalBytesSec?: number; 
  public get totalBytesSec() {
    return this.getNumberAttribute('total_bytes_sec');
  }
  public set totalBytesSec(value: number) {
    this._totalBytesSec = value;
  }
  public resetTotalBytesSec() {
    this._totalBytesSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalBytesSecInput() {
    return this._totalBytesSec;
  }

  // total_bytes_sec_max - computed: false, optional: true, required: false
  private _totalBytesSecMax?: number; 
  public get totalBytesSecMax() {
    return this.getNumberAttribute('total_bytes_sec_max');
  }
  public set totalBytesSecMax(value: number) {
    this._totalBytesSecMax = value;
  }
  public resetTotalBytesSecMax() {
    this._totalBytesSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalBytesSecMaxInput() {
    return this._totalBytesSecMax;
  }

  // total_bytes_sec_max_length - computed: false, optional: true, required: false
  private _totalBytesSecMaxLength?: number; 
  public get totalBytesSecMaxLength() {
    return this.getNumberAttribute('total_bytes_sec_max_length');
  }
  public set totalBytesSecMaxLength(value: number) {
    this._totalBytesSecMaxLength = value;
  }
  public resetTotalBytesSecMaxLength() {
    this._totalBytesSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalBytesSecMaxLengthInput() {
    return this._totalBytesSecMaxLength;
  }

  // total_iops_sec - computed: false, optional: true, required: false
  private _totalIopsSec?: number; 
  public get totalIopsSec() {
    return this.getNumberAttribute('total_iops_sec');
  }
  public set totalIopsSec(value: number) {
    this._totalIopsSec = value;
  }
  public resetTotalIopsSec() {
    this._totalIopsSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalIopsSecInput() {
    return this._totalIopsSec;
  }

  // total_iops_sec_max - computed: false, optional: true, required: false
  private _totalIopsSecMax?: number; 
  public get totalIopsSecMax() {
    return this.getNumberAttribute('total_iops_sec_max');
  }
  public set totalIopsSecMax(value: number) {
    this._totalIopsSecMax = value;
  }
  public resetTotalIopsSecMax() {
    this._totalIopsSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalIopsSecMaxInput() {
    return this._totalIopsSecMax;
  }

  // total_iops_sec_max_length - computed: false, optional: true, required: false
  private _totalIopsSecMaxLength?: number; 
  public get totalIopsSecMaxLength() {
    return this.getNumberAttribute('total_iops_sec_max_length');
  }
  public set totalIopsSecMaxLength(value: number) {
    this._totalIopsSecMaxLength = value;
  }
  public resetTotalIopsSecMaxLength() {
    this._totalIopsSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalIopsSecMaxLengthInput() {
    return this._totalIopsSecMaxLength;
  }

  // write_bytes_sec - computed: false, optional: true, required: false
  private _writeBytesSec?: number; 
  public get writeBytesSec() {
    return this.getNumberAttribute('write_bytes_sec');
  }
  public set writeBytesSec(value: number) {
    this._writeBytesSec = value;
  }
  public resetWriteBytesSec() {
    this._writeBytesSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeBytesSecInput() {
    return this._writeBytesSec;
  }

  // write_bytes_sec_max - computed: false, optional: true, required: false
  private _writeBytesSecMax?: number; 
  public get writeBytesSecMax() {
    return this.getNumberAttribute('write_bytes_sec_max');
  }
  public set writeBytesSecMax(value: number) {
    this._writeBytesSecMax = value;
  }
  public resetWriteBytesSecMax() {
    this._writeBytesSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeBytesSecMaxInput() {
    return this._writeBytesSecMax;
  }

  // write_bytes_sec_max_length - computed: false, optional: true, required: false
  private _writeBytesSecMaxLength?: number; 
  public get writeBytesSecMaxLength() {
    return this.getNumberAttribute('write_bytes_sec_max_length');
  }
  public set writeBytesSecMaxLength(value: number) {
    this._writeBytesSecMaxLength = value;
  }
  public resetWriteBytesSecMaxLength() {
    this._writeBytesSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeBytesSecMaxLengthInput() {
    return this._writeBytesSecMaxLength;
  }

  // write_iops_sec - computed: false, optional: true, required: false
  private _writeIopsSec?: number; 
  public get writeIopsSec() {
    return this.getNumberAttribute('write_iops_sec');
  }
  public set writeIopsSec(value: number) {
    this._writeIopsSec = value;
  }
  public resetWriteIopsSec() {
    this._writeIopsSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeIopsSecInput() {
    return this._writeIopsSec;
  }

  // write_iops_sec_max - computed: false, optional: true, required: false
  private _writeIopsSecMax?: number; 
  public get writeIopsSecMax() {
    return this.getNumberAttribute('write_iops_sec_max');
  }
  public set writeIopsSecMax(value: number) {
    this._writeIopsSecMax = value;
  }
  public resetWriteIopsSecMax() {
    this._writeIopsSecMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeIopsSecMaxInput() {
    return this._writeIopsSecMax;
  }

  // write_iops_sec_max_length - computed: false, optional: true, required: false
  private _writeIopsSecMaxLength?: number; 
  public get writeIopsSecMaxLength() {
    return this.getNumberAttribute('write_iops_sec_max_length');
  }
  public set writeIopsSecMaxLength(value: number) {
    this._writeIopsSecMaxLength = value;
  }
  public resetWriteIopsSecMaxLength() {
    this._writeIopsSecMaxLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeIopsSecMaxLengthInput() {
    return this._writeIopsSecMaxLength;
  }
}

export class DomainThrottleGroupsThrottleGroupsList extends cdktf.ComplexList {
  public internalValue? : DomainThrottleGroupsThrottleGroups[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainThrottleGroupsThrottleGroupsOutputReference {
    return new DomainThrottleGroupsThrottleGroupsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainThrottleGroups {
  /**
  * Defines a single disk throttle group, including its group name and optional aggregate byte and IOPS limits used by disks that join this group.
  * 
  * See: <https://libvirt.org/formatdomain.html#disk-throttle-group-management>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#throttle_groups Domain#throttle_groups}
  */
  readonly throttleGroups?: DomainThrottleGroupsThrottleGroups[] | cdktf.IResolvable;
}

export function domainThrottleGroupsToTerraform(struct?: DomainThrottleGroups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    throttle_groups: cdktf.listMapper(domainThrottleGroupsThrottleGroupsToTerraform, false)(struct!.throttleGroups),
  }
}


export function domainThrottleGroupsToHclTerraform(struct?: DomainThrottleGroups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    throttle_groups: {
      value: cdktf.listMapperHcl(domainThrottleGroupsThrottleGroupsToHclTerraform, false)(struct!.throttleGroups),
      isBlock: true,
      type: "list",
      storageClassType: "DomainThrottleGroupsThrottleGroupsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainThrottleGroupsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainThrottleGroups | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._throttleGroups?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.throttleGroups = this._throttleGroups?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainThrottleGroups | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._throttleGroups.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._throttleGroups.internalValue = value.throttleGroups;
    }
  }

  // throttle_groups - computed: false, optional: true, required: false
  private _throttleGroups = new DomainThrottleGroupsThrottleGroupsList(this, "throttle_groups", false);
  public get throttleGroups() {
    return this._throttleGroups;
  }
  public putThrottleGroups(value: DomainThrottleGroupsThrottleGroups[] | cdktf.IResolvable) {
    this._throttleGroups.internalValue = value;
  }
  public resetThrottleGroups() {
    this._throttleGroups.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get throttleGroupsInput() {
    return this._throttleGroups.internalValue;
  }
}
export interface DomainUpdateShutdown {
  /**
  * Experimental: seconds to wait for guest shutdown before forcing a stop during update. Defaults to 30.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#timeout Domain#timeout}
  */
  readonly timeout?: number;
}

export function domainUpdateShutdownToTerraform(struct?: DomainUpdateShutdown | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    timeout: cdktf.numberToTerraform(struct!.timeout),
  }
}


export function domainUpdateShutdownToHclTerraform(struct?: DomainUpdateShutdown | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    timeout: {
      value: cdktf.numberToHclTerraform(struct!.timeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainUpdateShutdownOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainUpdateShutdown | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._timeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.timeout = this._timeout;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainUpdateShutdown | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._timeout = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._timeout = value.timeout;
    }
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }
}
export interface DomainUpdate {
  /**
  * Experimental: request a guest shutdown and wait for shutoff before forcing a stop during update. Subject to change in future releases.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#shutdown Domain#shutdown}
  */
  readonly shutdown?: DomainUpdateShutdown;
}

export function domainUpdateToTerraform(struct?: DomainUpdate | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    shutdown: domainUpdateShutdownToTerraform(struct!.shutdown),
  }
}


export function domainUpdateToHclTerraform(struct?: DomainUpdate | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    shutdown: {
      value: domainUpdateShutdownToHclTerraform(struct!.shutdown),
      isBlock: true,
      type: "struct",
      storageClassType: "DomainUpdateShutdown",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainUpdateOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainUpdate | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._shutdown?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.shutdown = this._shutdown?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainUpdate | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._shutdown.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._shutdown.internalValue = value.shutdown;
    }
  }

  // shutdown - computed: false, optional: true, required: false
  private _shutdown = new DomainUpdateShutdownOutputReference(this, "shutdown");
  public get shutdown() {
    return this._shutdown;
  }
  public putShutdown(value: DomainUpdateShutdown) {
    this._shutdown.internalValue = value;
  }
  public resetShutdown() {
    this._shutdown.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get shutdownInput() {
    return this._shutdown.internalValue;
  }
}
export interface DomainVcpusVcpu {
  /**
  * Controls whether this specific vCPU is online at startup, using a boolean‑like string value "yes" or "no" in the vcpu element’s enabled attribute.
  * 
  * See: <https://libvirt.org/formatdomain.html#cpu-allocation>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#enabled Domain#enabled}
  */
  readonly enabled?: string;
  /**
  * Sets whether this individual vCPU can be hotplugged on or off while the guest is running; accepts the strings "yes" or "no".
  * 
  * See: <https://libvirt.org/formatdomain.html#cpu-allocation>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#hotpluggable Domain#hotpluggable}
  */
  readonly hotpluggable?: string;
  /**
  * Reports the index of this vCPU within the guest (0-based, computed by libvirt and not configurable).
  * 
  * See: <https://libvirt.org/formatdomain.html#cpu-allocation>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#id Domain#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: number;
  /**
  * Sets the boot-time activation order for this vCPU relative to other vCPUs; the value is a user-provided non-negative integer.
  * 
  * See: <https://libvirt.org/formatdomain.html#cpu-allocation>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#order Domain#order}
  */
  readonly order?: number;
}

export function domainVcpusVcpuToTerraform(struct?: DomainVcpusVcpu | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.stringToTerraform(struct!.enabled),
    hotpluggable: cdktf.stringToTerraform(struct!.hotpluggable),
    id: cdktf.numberToTerraform(struct!.id),
    order: cdktf.numberToTerraform(struct!.order),
  }
}


export function domainVcpusVcpuToHclTerraform(struct?: DomainVcpusVcpu | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.stringToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    hotpluggable: {
      value: cdktf.stringToHclTerraform(struct!.hotpluggable),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    id: {
      value: cdktf.numberToHclTerraform(struct!.id),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    order: {
      value: cdktf.numberToHclTerraform(struct!.order),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainVcpusVcpuOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainVcpusVcpu | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._hotpluggable !== undefined) {
      hasAnyValues = true;
      internalValueResult.hotpluggable = this._hotpluggable;
    }
    if (this._id !== undefined) {
      hasAnyValues = true;
      internalValueResult.id = this._id;
    }
    if (this._order !== undefined) {
      hasAnyValues = true;
      internalValueResult.order = this._order;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainVcpusVcpu | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enabled = undefined;
      this._hotpluggable = undefined;
      this._id = undefined;
      this._order = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enabled = value.enabled;
      this._hotpluggable = value.hotpluggable;
      this._id = value.id;
      this._order = value.order;
    }
  }

  // enabled - computed: false, optional: true, required: false
  private _enabled?: string; 
  public get enabled() {
    return this.getStringAttribute('enabled');
  }
  public set enabled(value: string) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // hotpluggable - computed: false, optional: true, required: false
  private _hotpluggable?: string; 
  public get hotpluggable() {
    return this.getStringAttribute('hotpluggable');
  }
  public set hotpluggable(value: string) {
    this._hotpluggable = value;
  }
  public resetHotpluggable() {
    this._hotpluggable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hotpluggableInput() {
    return this._hotpluggable;
  }

  // id - computed: false, optional: true, required: false
  private _id?: number; 
  public get id() {
    return this.getNumberAttribute('id');
  }
  public set id(value: number) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // order - computed: false, optional: true, required: false
  private _order?: number; 
  public get order() {
    return this.getNumberAttribute('order');
  }
  public set order(value: number) {
    this._order = value;
  }
  public resetOrder() {
    this._order = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get orderInput() {
    return this._order;
  }
}

export class DomainVcpusVcpuList extends cdktf.ComplexList {
  public internalValue? : DomainVcpusVcpu[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainVcpusVcpuOutputReference {
    return new DomainVcpusVcpuOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainVcpus {
  /**
  * Defines a single vCPU entry in the vcpus list, typically identified by an id attribute and optionally configured for pinning or hotplug behavior; the id and other attributes are user‑provided.
  * 
  * See: <https://libvirt.org/formatdomain.html#cpu-allocation>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#vcpu Domain#vcpu}
  */
  readonly vcpu?: DomainVcpusVcpu[] | cdktf.IResolvable;
}

export function domainVcpusToTerraform(struct?: DomainVcpus | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    vcpu: cdktf.listMapper(domainVcpusVcpuToTerraform, false)(struct!.vcpu),
  }
}


export function domainVcpusToHclTerraform(struct?: DomainVcpus | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    vcpu: {
      value: cdktf.listMapperHcl(domainVcpusVcpuToHclTerraform, false)(struct!.vcpu),
      isBlock: true,
      type: "list",
      storageClassType: "DomainVcpusVcpuList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainVcpusOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainVcpus | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._vcpu?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.vcpu = this._vcpu?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainVcpus | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._vcpu.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._vcpu.internalValue = value.vcpu;
    }
  }

  // vcpu - computed: false, optional: true, required: false
  private _vcpu = new DomainVcpusVcpuList(this, "vcpu", false);
  public get vcpu() {
    return this._vcpu;
  }
  public putVcpu(value: DomainVcpusVcpu[] | cdktf.IResolvable) {
    this._vcpu.internalValue = value;
  }
  public resetVcpu() {
    this._vcpu.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vcpuInput() {
    return this._vcpu.internalValue;
  }
}
export interface DomainXenCommandlineArgs {
  /**
  * Sets one additional argument token passed to the Xen qemu device model.
  * 
  * See: <https://libvirt.org/drvxen.html>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#value Domain#value}
  */
  readonly value: string;
}

export function domainXenCommandlineArgsToTerraform(struct?: DomainXenCommandlineArgs | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    value: cdktf.stringToTerraform(struct!.value),
  }
}


export function domainXenCommandlineArgsToHclTerraform(struct?: DomainXenCommandlineArgs | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    value: {
      value: cdktf.stringToHclTerraform(struct!.value),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainXenCommandlineArgsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DomainXenCommandlineArgs | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._value !== undefined) {
      hasAnyValues = true;
      internalValueResult.value = this._value;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainXenCommandlineArgs | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._value = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._value = value.value;
    }
  }

  // value - computed: false, optional: false, required: true
  private _value?: string; 
  public get value() {
    return this.getStringAttribute('value');
  }
  public set value(value: string) {
    this._value = value;
  }
  // Temporarily expose input value. Use with caution.
  public get valueInput() {
    return this._value;
  }
}

export class DomainXenCommandlineArgsList extends cdktf.ComplexList {
  public internalValue? : DomainXenCommandlineArgs[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DomainXenCommandlineArgsOutputReference {
    return new DomainXenCommandlineArgsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DomainXenCommandline {
  /**
  * Lists additional command-line arguments to pass to the Xen qemu device model in order.
  * 
  * See: <https://libvirt.org/drvxen.html>
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/dmacvicar/libvirt/0.9.7/docs/resources/domain#args Domain#args}
  */
  readonly args?: DomainXenCommandlineArgs[] | cdktf.IResolvable;
}

export function domainXenCommandlineToTerraform(struct?: DomainXenCommandline | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    args: cdktf.listMapper(domainXenCommandlineArgsToTerraform, false)(struct!.args),
  }
}


export function domainXenCommandlineToHclTerraform(struct?: DomainXenCommandline | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    args: {
      value: cdktf.listMapperHcl(domainXenCommandlineArgsToHclTerraform, false)(struct!.args),
      isBlock: true,
      type: "list",
      storageClassType: "DomainXenCommandlineArgsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DomainXenCommandlineOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DomainXenCommandline | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._args?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.args = this._args?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DomainXenCommandline | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._args.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._args.internalValue = value.args;
    }
  }

  // args - computed: false, optional: true, required: false
  private _args = new DomainXenCommandlineArgsList(this, "args", false);
  public get args() {
    return this._args;
  }
  public putArgs(value: DomainXenCommandlineArgs[] | cdktf.IResolvable) {
    this._args.internalValue = value;
  }
  public resetArgs() {
    this._args.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get argsInput() {
    return this._args.internalValue;
  }
}
