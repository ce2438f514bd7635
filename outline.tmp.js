const fs=require('fs'),yaml=require('yaml');
const f=process.argv[2], maxDepth=+process.argv[3]||6, start=process.argv[4]||'';
const crd=yaml.parse(fs.readFileSync(f,'utf8'));
let s=crd.spec.versions[0].schema.openAPIV3Schema;
for(const p of start.split('.').filter(Boolean)) s = p==='[]'? s.items : s.properties[p];
function out(s,ind,d){ if(!s||d>maxDepth)return; const props=s.properties||(s.items&&s.items.properties); if(!props)return;
 const req=new Set(s.required||(s.items&&s.items.required)||[]);
 for(const [k,v] of Object.entries(props)){ const t=v.type==='array'?`[${v.items&&v.items.type}]`:v.type; const e=v.enum?' enum='+v.enum.join('|'):''; const dflt=v.default!==undefined?' default='+JSON.stringify(v.default):''; const pat=v.pattern?' /'+v.pattern+'/':''; const mn=v.minimum!==undefined?' min='+v.minimum:'';
  console.log(' '.repeat(ind)+k+(req.has(k)?'*':'')+': '+(t||(v['x-kubernetes-int-or-string']?'int-or-string':'?'))+e+dflt+pat+mn+(v['x-kubernetes-validations']?' CEL':''));
  if(!['template','affinity','tolerations','jvmOptions','logging','resources','livenessProbe','readinessProbe','metricsConfig','oauth'].includes(k)) out(v.type==='array'?v.items:v,ind+2,d+1);} }
out(s,0,0);
