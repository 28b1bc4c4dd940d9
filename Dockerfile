# Finsam: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=finsam.settings.production \
    STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/data/media

# WeasyPrint's system libraries (Pango, HarfBuzz subsetting) and fonts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
      fonts-dejavu-core poppler-utils \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DJANGO_SECRET_KEY=build-only-build-only-build-only-build-only-build-only-0000 DJANGO_ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 --home /app finsam && mkdir -p /data/media && chown -R finsam /data
USER finsam
EXPOSE 8000
# workers, threads and timeouts: gunicorn.conf.py
CMD ["gunicorn", "finsam.wsgi:application"]
