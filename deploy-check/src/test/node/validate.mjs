// Validates Kubernetes objects against the schemas of kubernetes-models (the Kubernetes API, KEDA 2.x, the Prometheus
// Operator). Reads a JSON array of objects on stdin; prints a JSON array of {kind, name, errors} (errors empty when
// valid, or a single "no schema" error when the apiVersion/kind has none here).
const packages = {
  "keda.sh/": "@kubernetes-models/keda/",
  "monitoring.coreos.com/": "@kubernetes-models/prometheus-operator/",
};
function modulePath(apiVersion) {
  for (const [prefix, pkg] of Object.entries(packages)) {
    if (apiVersion.startsWith(prefix)) return pkg + apiVersion;
  }
  return "kubernetes-models/" + apiVersion;
}
let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const obj of JSON.parse(input)) {
  const name = obj.metadata?.name;
  let errors = [];
  try {
    const mod = await import(modulePath(obj.apiVersion));
    const Model = mod[obj.kind];
    if (typeof Model !== "function" || typeof Model.prototype.validate !== "function") {
      errors = [`no schema for ${obj.apiVersion} ${obj.kind}`];
    } else {
      try {
        new Model(obj).validate();
      } catch (e) {
        errors = String(e.message).split(/,\s*(?=data)/);
      }
    }
  } catch (e) {
    errors = [`no schema for ${obj.apiVersion} ${obj.kind}`];
  }
  results.push({ apiVersion: obj.apiVersion, kind: obj.kind, name, errors });
}
process.stdout.write(JSON.stringify(results));
