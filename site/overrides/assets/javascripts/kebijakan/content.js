// Material for MkDocs' partials/javascripts/content.html, moved out of the page so that the site's
// Content-Security-Policy can say script-src 'self' (site/panduan/pengelola.md).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
