// wattledger web: the one script. Drag and drop several files, send them with upload progress
// (XHR upload events), then go to the validation page. Without JavaScript the form posts normally.
(function () {
  document.querySelectorAll('input.back-here').forEach(function (i) {
    i.value = location.pathname + location.search;
  });
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('files');
  var zone = document.getElementById('drop-zone');
  var list = document.getElementById('file-list');
  var bar = document.getElementById('progress');
  var status = document.getElementById('upload-status');
  var maxBytes = Number(form.dataset.maxBytes);
  var chosen = [];

  function show() {
    list.textContent = '';
    chosen.forEach(function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + ' (' + (f.size / 1024).toFixed(1) + ' KB)';
      list.appendChild(li);
    });
  }
  function add(files) {
    for (var i = 0; i < files.length; i++) {
      chosen = chosen.filter(function (f) { return f.name !== files[i].name; });
      chosen.push(files[i]);
    }
    show();
  }
  input.addEventListener('change', function () { add(input.files); });
  ['dragenter', 'dragover'].forEach(function (e) {
    zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (e) {
    zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (ev) { add(ev.dataTransfer.files); });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (chosen.length === 0) {
      add(input.files);
    }
    var total = chosen.reduce(function (s, f) { return s + f.size; }, 0);
    if (total > maxBytes) {
      status.textContent = (total / 1048576).toFixed(1) + ' MB ' + form.dataset.tooLarge + ' ('
        + (maxBytes / 1048576).toFixed(1) + ' MB)';
      return;
    }
    var data = new FormData();
    chosen.forEach(function (f) { data.append('files', f, f.name); });
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-CSRF-Token', form.querySelector('input[name=_csrf]').value);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = bar.value + ' %';
      }
    });
    xhr.onload = function () {
      if (xhr.status === 200) {
        location.href = JSON.parse(xhr.responseText).next;
      } else {
        status.textContent = form.dataset.failed + ': ' + xhr.responseText;
      }
    };
    xhr.onerror = function () { status.textContent = form.dataset.failed; };
    xhr.send(data);
  });
})();
