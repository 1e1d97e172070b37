/**
 * Client script of the prebuilt UI pages: a penpal v6 child (docs/membrane-api.md §4, by hand: syn →
 * synAck → ack, then calls) plus small helpers for the page's buttons. Plain ES5 so it runs in any
 * browser without a build step. The page's config is in `window.__EMBED__`. The 0.28 hosted screens
 * (`/screens/*`, membrane-sdk-0.28.md §2) run the same script with `screen: true`: they move
 * between screens by form POST (`data-action="post"`, the token in the body, never in a URL),
 * close after a disconnect instead of reloading (a reload would re-send the POST), and close on
 * Escape (focus inside the iframe never reaches the parent's key handler).
 */
export const embedClientScript = `(function(){
var cfg=window.__EMBED__;var parent=window.parent!==window?window.parent:null;
var origin='*',names=[],connected=false,waiting=[],pending={},nextId=0;
function ready(){return connected||!parent?Promise.resolve():new Promise(function(r){waiting.push(r)})}
window.addEventListener('message',function(e){
  if(!parent||e.source!==parent)return;var m=e.data;if(!m||typeof m!=='object')return;
  if(m.penpal==='synAck'&&!connected){connected=true;origin=e.origin&&e.origin!=='null'?e.origin:'*';names=m.methodNames||[];
    parent.postMessage({penpal:'ack',methodNames:[]},origin);waiting.splice(0).forEach(function(r){r()});}
  else if(m.penpal==='reply'&&pending[m.id]){var p=pending[m.id];delete pending[m.id];
    if(m.resolution==='rejected')p.reject(m.returnValue);else p.resolve(m.returnValue);}
});
(function syn(){if(parent&&!connected){parent.postMessage({penpal:'syn'},'*');setTimeout(syn,250);}})();
function call(name,args){return ready().then(function(){
  if(!parent||names.indexOf(name)<0)return undefined;
  return new Promise(function(resolve,reject){var id=++nextId;pending[id]={resolve:resolve,reject:reject};
    parent.postMessage({penpal:'call',id:id,methodName:name,args:args||[]},origin);
    setTimeout(function(){if(pending[id]){delete pending[id];resolve(undefined);}},3000);});
});}
function api(method,path,body){return fetch(cfg.apiBase+path,{method:method,headers:body===undefined?{authorization:'Bearer '+cfg.token}:{authorization:'Bearer '+cfg.token,'content-type':'application/json'},body:body===undefined?undefined:JSON.stringify(body)})
  .then(function(r){return r.json().then(function(d){if(!r.ok)throw d;return d;});});}
function page(path,extra){var q='?token='+encodeURIComponent(cfg.token)+(extra||'');location.href=cfg.uiBase+'/embed'+path+q;}
function close(){return call('close');}
function post(path,fields){var f=document.createElement('form');f.method='POST';f.action=cfg.apiBase+path;f.hidden=true;
  var all={token:cfg.token};if(cfg.theme)all.theme=cfg.theme;for(var k in fields)if(Object.prototype.hasOwnProperty.call(fields,k))all[k]=fields[k];
  for(var n in all){if(!Object.prototype.hasOwnProperty.call(all,n)||all[n]==null)continue;var i=document.createElement('input');i.type='hidden';i.name=n;i.value=String(all[n]);f.appendChild(i);}
  document.body.appendChild(f);f.submit();}
function showError(err){var el=document.getElementById('error');if(el){el.textContent=(err&&err.message)||String(err);el.hidden=false;}}
ready().then(function(){call('handshake');});
if(cfg.screen)document.addEventListener('keydown',function(e){if(e.key==='Escape'&&!e.defaultPrevented){e.preventDefault();close();}});
document.addEventListener('click',function(e){var t=e.target.closest&&e.target.closest('[data-action]');if(!t)return;e.preventDefault();
  var a=t.getAttribute('data-action');
  if(a==='close')close();
  else if(a==='open')page(t.getAttribute('data-path'),'&returnTo='+encodeURIComponent(location.pathname.replace(/^.*\\/embed/,'')));
  else if(a==='post')post(t.getAttribute('data-path'),JSON.parse(t.getAttribute('data-fields')||'{}'));
  else if(a==='disconnect'){t.disabled=true;api('DELETE','/connections/'+t.getAttribute('data-connection')).then(function(){if(cfg.screen)close();else location.reload()},function(err){t.disabled=false;showError(err)});}
});
var form=document.getElementById('connect-form');
function placeholder(input){var s=input.getAttribute('data-format'),min=Number(input.getAttribute('minlength')||0);
  if(input.tagName==='SELECT')return input.options[input.options.length>1&&!input.options[0].value?1:0].value;
  if(input.type==='number')return input.getAttribute('min')||'1';if(s==='email')return 'dev@example.com';if(s==='uri')return 'https://example.com';
  var v='emulator-'+input.name;while(v.length<min)v+='x';return v;}
function values(){var out={};Array.prototype.forEach.call(form.querySelectorAll('[data-param]'),function(input){
  var field=input.closest('[data-option]');if(field&&!field.hasAttribute('data-active'))return;
  if(input.type==='checkbox'){if(input.checked)out[input.name]=true;return;}
  if(input.value==='')return;out[input.name]=input.type==='number'?Number(input.value):input.value;});return out;}
function selectOption(key){Array.prototype.forEach.call(form.querySelectorAll('[data-option]'),function(el){
  if(el.getAttribute('data-option')===key){el.setAttribute('data-active','');el.hidden=false;}else{el.removeAttribute('data-active');el.hidden=true;}});}
if(form){
  form.addEventListener('change',function(e){if(e.target.name==='authOptionKey')selectOption(e.target.value);});
  var checked=form.querySelector('input[name=authOptionKey]:checked');if(checked)selectOption(checked.value);
  form.addEventListener('submit',function(e){e.preventDefault();var btn=form.querySelector('[type=submit]');btn.disabled=true;
    var option=form.querySelector('input[name=authOptionKey]:checked');
    api('POST','/ui/api/connect',{integration:cfg.integrationId,connectionId:cfg.connectionId,authOptionKey:option?option.value:cfg.authOptionKey,
      parameters:values(),name:cfg.name,allowMultipleConnections:cfg.allowMultipleConnections})
    .then(function(connection){return call('onSuccess',[connection]).then(function(){
      if(cfg.returnTo)page(cfg.returnTo);else return close();});},function(err){btn.disabled=false;showError(err);});});
  if(cfg.consent==='deny')setTimeout(close,50);
  else if(cfg.consent!=='manual')setTimeout(function(){
    if(cfg.consent==='allow')Array.prototype.forEach.call(form.querySelectorAll('[data-active] [required]'),function(i){if(!i.value)i.value=placeholder(i);});
    form.requestSubmit();},50);
}
})();`;
